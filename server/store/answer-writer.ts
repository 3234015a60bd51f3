import type { StoredAnswer } from '../engine/effects.ts';

interface Waiting {
  answer: StoredAnswer;
  written: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Groups answers into small transactions: every answer that arrives within a few
 * milliseconds is written with one commit, and each is acknowledged only after its
 * commit. A re-sent answer that is still waiting shares the original's commit.
 */
export class AnswerWriter {
  private queue: Waiting[] = [];
  /** answerId → its place in the queue, until the commit. */
  private readonly queued = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (answers: StoredAnswer[]) => void,
    private readonly delayMs = 4,
    private readonly maxBatch = 2000,
  ) {}

  /** Resolves once the answer is committed to disk. */
  enqueue(answer: StoredAnswer): Promise<void> {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const written = new Promise<void>((onWritten, onFailed) => {
      resolve = onWritten;
      reject = onFailed;
    });
    const waiting: Waiting = { answer, written, resolve, reject };
    this.queue.push(waiting);
    this.queued.set(answer.answerId, waiting);
    if (this.queue.length >= this.maxBatch) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), this.delayMs);
    return written;
  }

  /** The commit an answer id is waiting for, if it has not been written yet. */
  whenWritten(answerId: string): Promise<void> | undefined {
    return this.queued.get(answerId)?.written;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Writes everything queued, now, in one transaction. */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let failure: Error | undefined;
    try {
      this.write(batch.map((waiting) => waiting.answer));
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    for (const waiting of batch) {
      this.queued.delete(waiting.answer.answerId);
      if (failure) waiting.reject(failure);
      else waiting.resolve();
    }
  }
}

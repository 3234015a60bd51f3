import type { StoredAnswer } from '../engine/effects.ts';

interface Waiting {
  answer: StoredAnswer;
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
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (answers: StoredAnswer[]) => void,
    private readonly delayMs = 4,
    private readonly maxBatch = 2000,
  ) {}

  /** Resolves once the answer is committed to disk. */
  enqueue(answer: StoredAnswer): Promise<void> {
    const written = new Promise<void>((resolve, reject) => this.queue.push({ answer, resolve, reject }));
    this.inFlight.set(answer.answerId, written);
    void written.then(
      () => this.inFlight.delete(answer.answerId),
      () => this.inFlight.delete(answer.answerId),
    );
    if (this.queue.length >= this.maxBatch) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), this.delayMs);
    return written;
  }

  /** The commit an answer id is waiting for, if it has not been written yet. */
  whenWritten(answerId: string): Promise<void> | undefined {
    return this.inFlight.get(answerId);
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
    try {
      this.write(batch.map((waiting) => waiting.answer));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    for (const waiting of batch) waiting.resolve();
  }
}

interface Waiting<T> {
  item: T;
  key: string;
  written: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Groups writes into small transactions: everything that arrives within a few
 * milliseconds is written with one commit, and each write is acknowledged only after
 * its commit. A re-sent item that is still waiting shares the original's commit. A
 * failed commit rejects every item of its batch and keeps none: a retry writes again.
 */
export class BatchWriter<T> {
  private queue: Waiting<T>[] = [];
  /** key → its place in the queue, until the commit. */
  private readonly queued = new Map<string, Waiting<T>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (items: T[]) => void | Promise<void>,
    private readonly keyOf: (item: T) => string,
    private readonly delayMs = 4,
    private readonly maxBatch = 2000,
  ) {}

  /** Resolves once the item is committed; rejects with the store's error when it is not. */
  enqueue(item: T): Promise<void> {
    const key = this.keyOf(item);
    const already = this.queued.get(key);
    if (already) return already.written;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const written = new Promise<void>((onWritten, onFailed) => {
      resolve = onWritten;
      reject = onFailed;
    });
    const waiting: Waiting<T> = { item, key, written, resolve, reject };
    this.queue.push(waiting);
    this.queued.set(key, waiting);
    if (this.queue.length >= this.maxBatch) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), this.delayMs);
    return written;
  }

  /** The commit an item is waiting for, if it has not been written yet. */
  whenWritten(key: string): Promise<void> | undefined {
    return this.queued.get(key)?.written;
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
    const settle = (error?: unknown) => {
      const failure = error === undefined ? undefined : error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) {
        this.queued.delete(waiting.key);
        if (failure) waiting.reject(failure);
        else waiting.resolve();
      }
    };
    let outcome: void | Promise<void>;
    try {
      outcome = this.write(batch.map((waiting) => waiting.item));
    } catch (error) {
      settle(error);
      return;
    }
    if (outcome instanceof Promise) outcome.then(() => settle(), (error: unknown) => settle(error ?? new Error('write failed')));
    else settle();
  }
}

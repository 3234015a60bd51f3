interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Groups writes into small transactions: everything that arrives within a few
 * milliseconds is written with one commit, and each write is acknowledged only after
 * its commit. A re-sent item that is still waiting shares the original's commit.
 */
export class BatchWriter<T> {
  private queue: Waiting<T>[] = [];
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (items: T[]) => void,
    private readonly keyOf: (item: T) => string,
    private readonly delayMs = 4,
    private readonly maxBatch = 2000,
  ) {}

  /** Resolves once the item is committed to disk. */
  enqueue(item: T): Promise<void> {
    const key = this.keyOf(item);
    const written = new Promise<void>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    this.inFlight.set(key, written);
    void written.then(
      () => this.inFlight.delete(key),
      () => this.inFlight.delete(key),
    );
    if (this.queue.length >= this.maxBatch) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), this.delayMs);
    return written;
  }

  /** The commit an item is waiting for, if it has not been written yet. */
  whenWritten(key: string): Promise<void> | undefined {
    return this.inFlight.get(key);
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
      this.write(batch.map((waiting) => waiting.item));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    for (const waiting of batch) waiting.resolve();
  }
}

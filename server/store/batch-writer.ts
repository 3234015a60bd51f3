interface Batch<T> {
  items: T[];
  keys: Set<string>;
  /** Settles once for the whole batch: every item of it is acknowledged by the same commit. */
  written: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Groups writes into small transactions: everything that arrives within a few
 * milliseconds is written with one commit, and each write is acknowledged only after
 * its commit. A re-sent item that is still waiting (or being written) shares the
 * original's commit. A failed commit rejects every item of its batch and keeps none: a
 * retry writes again. The items of a batch share one promise: a burst of ten thousand
 * answers makes a handful of promises here, not ten thousand.
 */
export class BatchWriter<T> {
  private gathering: Batch<T> | undefined;
  /** Batches handed to the store and not settled yet (a synchronous store settles before flushNow returns). */
  private readonly writing = new Set<Batch<T>>();
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
    const already = this.whenWritten(key);
    if (already) return already;
    const batch = (this.gathering ??= newBatch());
    batch.items.push(item);
    batch.keys.add(key);
    if (batch.items.length >= this.maxBatch) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), this.delayMs);
    return batch.written;
  }

  /** The commit an item is waiting for, if it has not been written yet. */
  private whenWritten(key: string): Promise<void> | undefined {
    if (this.gathering?.keys.has(key)) return this.gathering.written;
    if (this.writing.size === 0) return undefined;
    for (const batch of this.writing) if (batch.keys.has(key)) return batch.written;
    return undefined;
  }

  /** Writes everything queued, now, in one transaction. */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.gathering;
    if (!batch) return;
    this.gathering = undefined;
    // Listed as being written from here: a re-send arriving while it is written (even by a
    // listener of this very commit) shares its commit.
    this.writing.add(batch);
    const settle = (error?: unknown) => {
      this.writing.delete(batch);
      if (error === undefined) batch.resolve();
      else batch.reject(asError(error));
    };
    let outcome: void | Promise<void>;
    try {
      outcome = this.write(batch.items);
    } catch (error) {
      settle(error ?? new Error('write failed'));
      return;
    }
    if (outcome instanceof Promise) outcome.then(() => settle(), (error: unknown) => settle(error ?? new Error('write failed')));
    else settle();
  }
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const written = new Promise<void>((onWritten, onFailed) => {
    resolve = onWritten;
    reject = onFailed;
  });
  return { items: [], keys: new Set(), written, resolve, reject };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

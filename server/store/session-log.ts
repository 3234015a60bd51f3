import type { StorageStatus } from '../../protocol/session.ts';
import { BatchWriter } from './batch-writer.ts';
import type { RecordOf, RestoredSession, SessionRecord } from './records.ts';
import type { SessionStore } from './session-store.ts';
import { describeStorageError, StorageHealth } from './storage-status.ts';

export interface SessionLogOptions {
  /** How long answers and upvotes gather before one commit (ms). */
  batchDelayMs?: number;
  /** How often records kept for a failed disk are tried again (ms). */
  retryMs?: number;
  /** A listener failed after a commit: the records are committed all the same. */
  reportFault?: (what: string, error: unknown) => void;
}

type Batched = RecordOf<'answer'> | RecordOf<'vote'>;

/**
 * The one place a live session's records go through on their way to the store: answers
 * and upvotes batched (one commit for a burst), everything else committed at once. Only
 * committed records are passed on to the listeners (the engine folds them), in commit
 * order, so nothing counts that is not on disk. Records the talk cannot wait for (the
 * slide, question states, reactions) are kept when a write fails and written again by
 * themselves. Every failure and every recovery updates the storage status.
 */
export class SessionLog {
  private readonly answers: BatchWriter<RecordOf<'answer'>>;
  private readonly votes: BatchWriter<RecordOf<'vote'>>;
  private readonly listeners: ((records: readonly SessionRecord[], fromElsewhere: boolean) => void)[] = [];
  private readonly statusListeners: ((status: StorageStatus) => void)[] = [];
  private readonly health = new StorageHealth((status) => this.statusListeners.forEach((listener) => listener(status)));
  /** Records kept after a failed write, the latest per key: retried until they land. */
  private readonly unsaved = new Map<string, SessionRecord>();
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly retryMs: number;
  /** After close nothing more is written: the store is about to close too. */
  private closed = false;

  constructor(
    private readonly store: SessionStore,
    private readonly sessionId: string,
    private readonly options: SessionLogOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 1000;
    this.answers = new BatchWriter((records) => this.write(records), (record) => record.answerId, options.batchDelayMs);
    this.votes = new BatchWriter(
      (records) => this.write(records),
      (record) => `${record.questionId}/${record.entryId}/${record.participantId}`,
      options.batchDelayMs,
    );
    // A shared log (Redis) hands over every node's records in log order, this node's too,
    // before their commits resolve: they are folded there, once, never again after the commit
    // (a nickname refused in log order could be free by then, and taken on this node only).
    store.follow?.(sessionId, (records, fromElsewhere) => this.deliver(records, fromElsewhere));
  }

  /**
   * Called with every commit's records, in commit order, right after the commit; with a
   * shared log, also with other nodes' records (`fromElsewhere`), in the log's order.
   */
  onCommitted(listener: (records: readonly SessionRecord[], fromElsewhere: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** True when other nodes write to the same log (Redis): this node sees only its own phones. */
  get shared(): boolean {
    return this.store.follow !== undefined;
  }

  onStatus(listener: (status: StorageStatus) => void): void {
    this.statusListeners.push(listener);
  }

  status(): StorageStatus {
    return this.health.status();
  }

  readBack(): RestoredSession {
    return this.store.readBack(this.sessionId);
  }

  /** An answer or upvote: resolves once committed (and folded), rejects when the write failed. */
  append(record: Batched): Promise<void> {
    return record.kind === 'answer' ? this.answers.enqueue(record) : this.votes.enqueue(record);
  }

  /** Commits now, in one transaction: resolves once committed (and folded), rejects when not. */
  async commit(records: readonly SessionRecord[]): Promise<void> {
    await this.write(records);
  }

  /**
   * Writes what the talk goes on without waiting for (cursor, question states, reaction
   * counts). When the disk refuses, they are kept, the latest per key, and retried.
   */
  keep(records: readonly SessionRecord[]): void {
    for (const record of records) this.remember(record);
    this.writeKept();
  }

  /** Writes the answers and upvotes that are still gathering. */
  flush(): void {
    this.answers.flushNow();
    this.votes.flushNow();
  }

  close(): void {
    this.flush();
    this.writeKept();
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private write(records: readonly SessionRecord[]): void | Promise<void> {
    if (this.closed) throw new Error('the server is shutting down: nothing more is saved');
    const kinds = records.map((record) => record.kind);
    const failed = (error: unknown): never => {
      this.health.failed(kinds, describeStorageError(error, this.store.location));
      throw error;
    };
    const committed = () => {
      this.health.saved(kinds);
      if (!this.shared) this.deliver(records, false);
    };
    let outcome: void | Promise<void>;
    try {
      outcome = this.store.commit(this.sessionId, records);
    } catch (error) {
      return failed(error);
    }
    if (outcome instanceof Promise) return outcome.then(committed, failed);
    committed();
  }

  private deliver(records: readonly SessionRecord[], fromElsewhere: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(records, fromElsewhere);
      } catch (error) {
        this.options.reportFault?.('folding committed records', error);
      }
    }
  }

  private remember(record: SessionRecord): void {
    const key = keyOf(record);
    const earlier = this.unsaved.get(key);
    if (record.kind === 'reactions' && earlier?.kind === 'reactions') {
      this.unsaved.set(key, { kind: 'reactions', bursts: [...earlier.bursts, ...record.bursts] });
    } else {
      this.unsaved.set(key, record);
    }
  }

  private writeKept(): void {
    if (this.unsaved.size === 0) return;
    const records = [...this.unsaved.values()];
    this.unsaved.clear();
    const retry = () => {
      if (this.closed) return;
      for (const record of records) if (!this.unsaved.has(keyOf(record)) || record.kind === 'reactions') this.remember(record);
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = undefined;
        this.writeKept();
      }, this.retryMs);
    };
    try {
      const outcome = this.write(records);
      if (outcome instanceof Promise) outcome.catch(retry);
    } catch {
      retry();
    }
  }
}

function keyOf(record: SessionRecord): string {
  return record.kind === 'question-state' ? `question-state/${record.state.questionId}` : record.kind;
}

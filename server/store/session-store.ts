import type { RestoredSession, SessionRecord, StoredResponse } from './records.ts';

/**
 * The seam between a live session and where its records are kept: append (commit), read
 * back, and, for a log several nodes share, hearing of every commit (follow). SQLite
 * (sqlite-store.ts) is the embedded store; Redis (redis/redis-store.ts) holds a cluster's
 * log. The live session reaches a store only through SessionLog (session-log.ts), which
 * batches the phones' answers and upvotes and hands every committed record to the engine.
 */
export interface SessionStore {
  /** Where the records are kept, for people: "the disk holding DIR is full". */
  readonly location: string;
  /**
   * Commits the records in order, all or none, and returns once they are durable. Throws
   * (SQLITE_FULL, an I/O error…) when they are not: nothing of them counts then.
   */
  commit(sessionId: string, records: readonly SessionRecord[]): void | Promise<void>;
  /** Everything committed for the session, to rebuild the engine after a restart. */
  readBack(sessionId: string): RestoredSession;
  /** Every answer ever committed, discarded ones included, oldest first: the export's raw data. */
  responses(sessionId: string): StoredResponse[];
  /**
   * A store several nodes share (Redis): hands every record of the session's log to
   * `apply` in log order, whichever node committed it; `fromElsewhere` is true for other
   * nodes' records. The embedded store has no other writer and leaves this out.
   */
  follow?(sessionId: string, apply: (records: readonly SessionRecord[], fromElsewhere: boolean) => void): void;
  close(): void | Promise<void>;
}

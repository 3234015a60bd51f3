import type { RestoredSession, SessionRecord } from './records.ts';

/**
 * The seam between the live session and where its records are kept. SQLite is the
 * embedded store; a store for several nodes (Redis) implements the same calls and `follow`.
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
  /**
   * A store several nodes share (Redis): hands every record of the session's log to
   * `apply` in log order, whichever node committed it; `fromElsewhere` is true for other
   * nodes' records. The embedded store has no other writer and leaves this out.
   */
  follow?(sessionId: string, apply: (records: readonly SessionRecord[], fromElsewhere: boolean) => void): void;
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../protocol/session.ts';
import { makeJoinCode } from './join-code.ts';
import type { RestoredSession, SessionRecord, StoredResponse } from './records.ts';
import type { SessionStore } from './session-store.ts';
import { ADDED_COLUMNS, SCHEMA_SQL } from './schema.ts';
import { commitRecords } from './sqlite-commit.ts';
import { readBackSession, readResponses, toSessionInfo, type SessionRow } from './sqlite-read-back.ts';
import { prepareStatements, type Statements } from './sqlite-statements.ts';

export interface SessionSummary extends SessionInfo {
  deckFile: string;
  responses: number;
  updatedAt: number;
}

export const DATABASE_FILE = 'handsup.sqlite';

/**
 * The embedded store: one SQLite file in the data folder, in WAL mode with full sync,
 * so an acknowledged answer survives a crash of the process or of the machine. This
 * file opens it and keeps the list of sessions; sqlite-commit.ts writes records into the
 * tables and sqlite-read-back.ts reads them back.
 */
export class SqliteStore implements SessionStore {
  readonly file: string;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly statements: Statements;

  /**
   * `readonly` opens an existing database for reading only (the export): nothing is created
   * or written, and a server running on the same folder is not disturbed.
   */
  constructor(dataDir: string, options: { readonly?: boolean } = {}) {
    this.file = join(dataDir, DATABASE_FILE);
    this.location = dataDir;
    if (options.readonly) {
      this.db = new Database(this.file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
    } else {
      mkdirSync(dataDir, { recursive: true });
      this.db = new Database(this.file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(SCHEMA_SQL);
      for (const { table, column, type } of ADDED_COLUMNS) {
        const columns = this.db.pragma(`table_info(${table})`) as { name: string }[];
        if (!columns.some((existing) => existing.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      }
    }
    this.statements = prepareStatements(this.db);
  }

  createSession(deckFile: string, deckTitle: string, now = Date.now()): SessionInfo {
    let joinCode = makeJoinCode();
    while (this.statements.joinCodeTaken.get(joinCode)) joinCode = makeJoinCode();
    const session: SessionInfo = { id: randomUUID(), joinCode, deckTitle, startedAt: now };
    this.statements.insertSession.run({ ...session, deckFile });
    return session;
  }

  /** A session begun elsewhere (a cluster's, in Redis), kept under its own id and join code. */
  importSession(session: SessionInfo, deckFile: string): void {
    this.statements.insertSession.run({ ...session, deckFile });
  }

  /** The most recent session of this deck file, to resume after a restart. */
  latestSessionForDeck(deckFile: string): SessionInfo | undefined {
    const row = this.statements.latestForDeck.get(deckFile) as SessionRow | undefined;
    return row && toSessionInfo(row);
  }

  /** A session by id, or the most recent one of any deck when no id is given. */
  findSession(id?: string): SessionSummary | undefined {
    const row = (id ? this.statements.sessionById.get(id) : this.statements.latestSession.get()) as SessionRow | undefined;
    if (!row) return undefined;
    return this.listSessions().find((summary) => summary.id === row.id);
  }

  listSessions(): SessionSummary[] {
    return (this.statements.listSessions.all() as (SessionRow & { responses: number })[]).map((row) => ({
      ...toSessionInfo(row),
      deckFile: row.deck_file,
      responses: row.responses,
      updatedAt: row.updated_at,
    }));
  }

  /** Everything the engine needs to carry on where the session stopped. */
  readBack(sessionId: string): RestoredSession {
    return readBackSession(this.statements, sessionId);
  }

  /** Every response of a session, oldest first, discarded ones included (for export). */
  responses(sessionId: string): StoredResponse[] {
    return readResponses(this.statements, sessionId);
  }

  /** Commits records in order, in one transaction with a full sync: all of them or none. */
  commit(sessionId: string, records: readonly SessionRecord[]): void {
    this.db.transaction(() => commitRecords(this.statements, sessionId, records))();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

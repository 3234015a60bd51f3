import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AnswerValue, EntryStatus, QuestionStatus, Reaction, ReactionCounts, SessionInfo, SlideCursor, SlideReactions } from '../../protocol/session.ts';
import { nicknameKey } from '../engine/nicknames.ts';
import { makeJoinCode } from './join-code.ts';
import type { RestoredQuestionState, RestoredSession, SessionRecord, StoredAnswer, StoredEntryMark, StoredVote } from './records.ts';
import type { SessionStore } from './session-store.ts';
import { ADDED_COLUMNS, SCHEMA_SQL } from './schema.ts';

export interface SessionSummary extends SessionInfo {
  deckFile: string;
  responses: number;
  updatedAt: number;
}

interface SessionRow {
  id: string;
  join_code: string;
  deck_file: string;
  deck_title: string;
  started_at: number;
  cursor_h: number;
  cursor_v: number;
  cursor_f: number;
  updated_at: number;
}

interface ResponseRow {
  question_id: string;
  participant_id: string;
  answer_id: string;
  value: string;
  answered_at: number;
  discarded: number;
}

interface EntryMarkRow {
  question_id: string;
  entry_id: string;
  status: EntryStatus;
  answered: number;
  pinned: number;
}

interface VoteRow {
  question_id: string;
  entry_id: string;
  participant_id: string;
  voted_at: number;
}

export const DATABASE_FILE = 'handsup.sqlite';

/**
 * The embedded store: one SQLite file in the data folder, in WAL mode with full sync,
 * so an acknowledged answer survives a crash of the process or of the machine.
 */
export class SqliteStore implements SessionStore {
  readonly file: string;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly statements;

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
    this.statements = {
      insertSession: this.db.prepare(
        `INSERT INTO sessions (id, join_code, deck_file, deck_title, started_at, updated_at)
         VALUES (@id, @joinCode, @deckFile, @deckTitle, @startedAt, @startedAt)`,
      ),
      joinCodeTaken: this.db.prepare('SELECT 1 FROM sessions WHERE join_code = ?'),
      latestForDeck: this.db.prepare('SELECT * FROM sessions WHERE deck_file = ? ORDER BY started_at DESC, rowid DESC LIMIT 1'),
      sessionById: this.db.prepare('SELECT * FROM sessions WHERE id = ?'),
      latestSession: this.db.prepare('SELECT * FROM sessions ORDER BY started_at DESC, rowid DESC LIMIT 1'),
      listSessions: this.db.prepare(
        `SELECT s.*, (SELECT COUNT(*) FROM responses r WHERE r.session_id = s.id AND r.discarded = 0) AS responses
         FROM sessions s ORDER BY s.started_at DESC, s.rowid DESC`,
      ),
      saveCursor: this.db.prepare('UPDATE sessions SET cursor_h = ?, cursor_v = ?, cursor_f = ?, updated_at = ? WHERE id = ?'),
      saveQuestionState: this.db.prepare(
        `INSERT INTO question_states (session_id, question_id, status, revealed, opened_at, closed_at, closes_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, question_id) DO UPDATE SET
           status = excluded.status, revealed = excluded.revealed,
           opened_at = excluded.opened_at, closed_at = excluded.closed_at, closes_at = excluded.closes_at`,
      ),
      questionStates: this.db.prepare('SELECT * FROM question_states WHERE session_id = ?'),
      insertAnswer: this.db.prepare(
        `INSERT OR IGNORE INTO responses (session_id, question_id, participant_id, answer_id, value, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      discardAnswers: this.db.prepare('UPDATE responses SET discarded = 1 WHERE session_id = ? AND question_id = ?'),
      deleteEntryMarks: this.db.prepare('DELETE FROM entry_marks WHERE session_id = ? AND question_id = ?'),
      deleteVotes: this.db.prepare('DELETE FROM qa_votes WHERE session_id = ? AND question_id = ?'),
      saveNickname: this.db.prepare(
        `INSERT INTO participants (session_id, participant_id, nickname, nickname_key, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (session_id, participant_id) DO UPDATE SET
           nickname = excluded.nickname, nickname_key = excluded.nickname_key, updated_at = excluded.updated_at`,
      ),
      nicknames: this.db.prepare('SELECT participant_id, nickname FROM participants WHERE session_id = ? ORDER BY updated_at'),
      saveEntryMark: this.db.prepare(
        `INSERT INTO entry_marks (session_id, question_id, entry_id, status, answered, pinned) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, question_id, entry_id) DO UPDATE SET
           status = excluded.status, answered = excluded.answered, pinned = excluded.pinned`,
      ),
      entryMarks: this.db.prepare('SELECT * FROM entry_marks WHERE session_id = ?'),
      insertVote: this.db.prepare(
        'INSERT OR IGNORE INTO qa_votes (session_id, question_id, entry_id, participant_id, voted_at) VALUES (?, ?, ?, ?, ?)',
      ),
      votes: this.db.prepare('SELECT * FROM qa_votes WHERE session_id = ? ORDER BY voted_at'),
      addReactions: this.db.prepare(
        `INSERT INTO reaction_counts (session_id, slide_index, emoji, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, slide_index, emoji) DO UPDATE SET count = count + excluded.count`,
      ),
      reactions: this.db.prepare('SELECT slide_index, emoji, count FROM reaction_counts WHERE session_id = ? ORDER BY slide_index'),
      responses: this.db.prepare('SELECT * FROM responses WHERE session_id = ? ORDER BY seq'),
    };
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
    const session = this.statements.sessionById.get(sessionId) as SessionRow | undefined;
    if (!session) throw new Error(`no session with id ${sessionId}`);
    const questionStates = (this.statements.questionStates.all(sessionId) as {
      question_id: string;
      status: QuestionStatus;
      revealed: number;
      opened_at: number | null;
      closed_at: number | null;
      closes_at?: number | null;
    }[]).map(
      (row): RestoredQuestionState => ({
        questionId: row.question_id,
        status: row.status,
        revealed: row.revealed === 1,
        responses: 0,
        openedAt: row.opened_at,
        closedAt: row.closed_at,
        closesAt: row.closes_at ?? null,
      }),
    );
    const answers: StoredAnswer[] = [];
    const discardedAnswerIds: string[] = [];
    for (const row of this.statements.responses.all(sessionId) as ResponseRow[]) {
      if (row.discarded) discardedAnswerIds.push(row.answer_id);
      else answers.push(toStoredAnswer(row));
    }
    const cursor: SlideCursor = { h: session.cursor_h, v: session.cursor_v, f: session.cursor_f };
    const nicknames = (this.statements.nicknames.all(sessionId) as { participant_id: string; nickname: string }[]).map((row) => ({
      participantId: row.participant_id,
      nickname: row.nickname,
    }));
    const entryMarks = (this.statements.entryMarks.all(sessionId) as EntryMarkRow[]).map(
      (row): StoredEntryMark => ({
        questionId: row.question_id,
        entryId: row.entry_id,
        status: row.status,
        answered: row.answered === 1,
        pinned: row.pinned === 1,
      }),
    );
    const votes = (this.statements.votes.all(sessionId) as VoteRow[]).map(
      (row): StoredVote => ({ questionId: row.question_id, entryId: row.entry_id, participantId: row.participant_id, votedAt: row.voted_at }),
    );
    return { cursor, questionStates, answers, discardedAnswerIds, nicknames, entryMarks, votes, reactions: this.reactionCounts(sessionId) };
  }

  reactionCounts(sessionId: string): SlideReactions[] {
    const bySlide = new Map<number, ReactionCounts>();
    for (const row of this.statements.reactions.all(sessionId) as { slide_index: number; emoji: Reaction; count: number }[]) {
      const counts = bySlide.get(row.slide_index) ?? {};
      counts[row.emoji] = row.count;
      bySlide.set(row.slide_index, counts);
    }
    return [...bySlide].map(([slideIndex, counts]) => ({ slideIndex, counts }));
  }

  /** Every response of a session, oldest first, discarded ones included (for export). */
  responses(sessionId: string): (StoredAnswer & { discarded: boolean })[] {
    return (this.statements.responses.all(sessionId) as ResponseRow[]).map((row) => ({
      ...toStoredAnswer(row),
      discarded: row.discarded === 1,
    }));
  }

  /** Commits records in order, in one transaction with a full sync: all of them or none. */
  commit(sessionId: string, records: readonly SessionRecord[]): void {
    this.db.transaction(() => {
      for (const record of records) this.commitOne(sessionId, record);
    })();
  }

  private commitOne(sessionId: string, record: SessionRecord): void {
    const s = this.statements;
    switch (record.kind) {
      case 'answer':
        s.insertAnswer.run(sessionId, record.questionId, record.participantId, record.answerId, JSON.stringify(record.value), record.answeredAt);
        break;
      case 'vote':
        s.insertVote.run(sessionId, record.questionId, record.entryId, record.participantId, record.votedAt);
        break;
      case 'nickname':
        // The engine has checked the nickname is free; the unique index is the last guard.
        s.saveNickname.run(sessionId, record.participantId, record.nickname, nicknameKey(record.nickname), record.at);
        break;
      case 'entry-mark':
        s.saveEntryMark.run(sessionId, record.questionId, record.entryId, record.status, record.answered ? 1 : 0, record.pinned ? 1 : 0);
        break;
      case 'discard':
        // A reset: the answers are marked discarded; their moderation marks and upvotes go.
        s.discardAnswers.run(sessionId, record.questionId);
        s.deleteEntryMarks.run(sessionId, record.questionId);
        s.deleteVotes.run(sessionId, record.questionId);
        break;
      case 'cursor':
        s.saveCursor.run(record.cursor.h, record.cursor.v, record.cursor.f, record.at, sessionId);
        break;
      case 'question-state': {
        const { questionId, status, revealed, openedAt, closedAt, closesAt } = record.state;
        s.saveQuestionState.run(sessionId, questionId, status, revealed ? 1 : 0, openedAt, closedAt, closesAt ?? null);
        break;
      }
      case 'reactions':
        for (const { slideIndex, counts } of record.bursts) {
          for (const [emoji, count] of Object.entries(counts)) s.addReactions.run(sessionId, slideIndex, emoji, count);
        }
        break;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toSessionInfo(row: SessionRow): SessionInfo {
  return { id: row.id, joinCode: row.join_code, deckTitle: row.deck_title, startedAt: row.started_at };
}

function toStoredAnswer(row: ResponseRow): StoredAnswer {
  return {
    questionId: row.question_id,
    participantId: row.participant_id,
    answerId: row.answer_id,
    value: JSON.parse(row.value) as AnswerValue,
    answeredAt: row.answered_at,
  };
}

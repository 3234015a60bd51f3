import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordOf, SessionRecord } from '../../server/store/records.ts';
import { ANSWERS_PER_INSERT } from '../../server/store/sqlite-statements.ts';
import { DATABASE_FILE, SqliteStore } from '../../server/store/sqlite-store.ts';
import { tempDataDir } from '../support/server-process.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

const answer = (questionId: string, n: number): RecordOf<'answer'> => ({
  kind: 'answer',
  questionId,
  participantId: `phone-${n}`,
  answerId: `${questionId}-answer-${n}`,
  value: { options: [n % 3] },
  answeredAt: 1_000 + n,
});

function indexNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses'").all() as { name: string }[]).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('the SQLite schema (version 3)', () => {
  it('drops the by-question index of a data folder made before, keeping every answer and reset', () => {
    const folder = dataFolder();
    const before = new SqliteStore(folder);
    const session = before.createSession('talk.md', 'Talk');
    before.commit(session.id, [answer('poll', 1), answer('poll', 2), answer('other', 3)]);
    before.close();
    // The folder as version 2 left it: with the index every insert paid for.
    const old = new Database(join(folder, DATABASE_FILE));
    old.exec('CREATE INDEX responses_by_question ON responses (session_id, question_id, participant_id)');
    old.close();
    expect(indexNames(join(folder, DATABASE_FILE))).toContain('responses_by_question');

    const store = new SqliteStore(folder);
    try {
      expect(indexNames(join(folder, DATABASE_FILE))).not.toContain('responses_by_question');
      store.commit(session.id, [{ kind: 'discard', questionId: 'poll' }, answer('poll', 4)]);
      const restored = store.readBack(session.id);
      expect(restored.answers.map((a) => a.answerId)).toEqual(['other-answer-3', 'poll-answer-4']);
      expect(restored.discardedAnswerIds.sort()).toEqual(['poll-answer-1', 'poll-answer-2']);
    } finally {
      store.close();
    }
  });

  it("resets one session's question without touching another session's rows, found by the session's index", () => {
    const folder = dataFolder();
    const store = new SqliteStore(folder);
    try {
      const first = store.createSession('talk.md', 'Talk');
      const second = store.createSession('talk.md', 'Talk');
      store.commit(first.id, [answer('poll', 1), answer('poll', 2)]);
      store.commit(second.id, [answer('poll', 1), answer('poll', 2)]);
      store.commit(first.id, [{ kind: 'discard', questionId: 'poll' }]);
      expect(store.readBack(first.id).answers).toEqual([]);
      expect(store.readBack(second.id).answers.map((a) => a.answerId)).toEqual(['poll-answer-1', 'poll-answer-2']);

      // A reset reads the session's rows through the unique (session_id, answer_id) index, never the whole table.
      const db = new Database(join(folder, DATABASE_FILE), { readonly: true });
      try {
        const plan = db.prepare('EXPLAIN QUERY PLAN UPDATE responses SET discarded = 1 WHERE session_id = ? AND question_id = ?').all('x', 'y') as { detail: string }[];
        expect(plan.map((step) => step.detail).join(' | ')).toMatch(/^SEARCH responses USING INDEX sqlite_autoindex_responses_1 \(session_id=\?\)/);
      } finally {
        db.close();
      }
    } finally {
      store.close();
    }
  });
});

const answers = (from: number, count: number) => Array.from({ length: count }, (_, i) => answer('poll', from + i));

describe('committing records to SQLite (answers many rows per statement)', () => {
  it('keeps every answer of a commit, in order, whatever their number around full statements and other records', () => {
    const store = new SqliteStore(dataFolder());
    try {
      const session = store.createSession('talk.md', 'Talk');
      // Two full statements and a remainder, another kind of record, then one full statement and one more.
      const first = answers(0, ANSWERS_PER_INSERT * 2 + 7);
      const second = answers(first.length, ANSWERS_PER_INSERT + 1);
      const nickname: SessionRecord = { kind: 'nickname', participantId: 'phone-0', nickname: 'Sam', at: 5 };
      store.commit(session.id, [...first, nickname, ...second]);

      const written = [...first, ...second];
      expect(store.responses(session.id)).toEqual(
        written.map(({ questionId, participantId, answerId, value, answeredAt }) => ({ questionId, participantId, answerId, value, answeredAt, discarded: false })),
      );
      expect(store.readBack(session.id).nicknames).toEqual([{ participantId: 'phone-0', nickname: 'Sam' }]);
    } finally {
      store.close();
    }
  });

  it('counts a re-sent answer id once, inside one statement and across commits, keeping the first', () => {
    const store = new SqliteStore(dataFolder());
    try {
      const session = store.createSession('talk.md', 'Talk');
      const batch = answers(0, ANSWERS_PER_INSERT);
      batch[ANSWERS_PER_INSERT - 1] = { ...answer('poll', 999), answerId: 'poll-answer-3' };
      store.commit(session.id, batch);
      store.commit(session.id, [{ ...answer('poll', 1000), answerId: 'poll-answer-4' }, ...answers(ANSWERS_PER_INSERT, ANSWERS_PER_INSERT)]);

      const ids = store.responses(session.id).map((response) => response.answerId);
      expect(ids).toHaveLength(ANSWERS_PER_INSERT * 2 - 1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(store.responses(session.id).find((response) => response.answerId === 'poll-answer-3')?.participantId).toBe('phone-3');
    } finally {
      store.close();
    }
  });

  it('writes all of a commit or none of it: a record that fails takes the answers before it back', () => {
    const store = new SqliteStore(dataFolder());
    try {
      const session = store.createSession('talk.md', 'Talk');
      store.commit(session.id, [{ kind: 'nickname', participantId: 'phone-a', nickname: 'Sam', at: 1 }]);
      // The unique nickname index refuses a second "Sam": the statements of answers already run in this commit go too.
      const taken: SessionRecord = { kind: 'nickname', participantId: 'phone-b', nickname: 'Sam', at: 2 };
      expect(() => store.commit(session.id, [...answers(0, ANSWERS_PER_INSERT * 2), taken])).toThrow(/UNIQUE/);
      expect(store.responses(session.id)).toEqual([]);
    } finally {
      store.close();
    }
  });
});

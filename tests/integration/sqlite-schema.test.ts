import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../server/store/records.ts';
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

const answer = (questionId: string, n: number): SessionRecord => ({
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

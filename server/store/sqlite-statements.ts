import type Database from 'better-sqlite3';

const INSERT_ANSWERS = 'INSERT OR IGNORE INTO responses (session_id, question_id, participant_id, answer_id, value, answered_at) VALUES';
const ANSWER_ROW = '(?, ?, ?, ?, ?, ?)';
/**
 * Rows of insertAnswers (300 parameters, far below SQLite's limit of 32,766). 10,000 answers in
 * five transactions (an in-process measurement): 45–70 ms of CPU a row at a time, 29–42 ms
 * forty rows at a time; more rows per statement gain little more.
 */
export const ANSWERS_PER_INSERT = 50;

/** Every statement the embedded store runs, prepared once when the database opens (schema.ts has the tables). */
export function prepareStatements(db: Database.Database) {
  return {
    insertSession: db.prepare(
      `INSERT INTO sessions (id, join_code, deck_file, deck_title, started_at, updated_at)
       VALUES (@id, @joinCode, @deckFile, @deckTitle, @startedAt, @startedAt)`,
    ),
    joinCodeTaken: db.prepare('SELECT 1 FROM sessions WHERE join_code = ?'),
    latestForDeck: db.prepare('SELECT * FROM sessions WHERE deck_file = ? ORDER BY started_at DESC, rowid DESC LIMIT 1'),
    sessionById: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    latestSession: db.prepare('SELECT * FROM sessions ORDER BY started_at DESC, rowid DESC LIMIT 1'),
    listSessions: db.prepare(
      `SELECT s.*, (SELECT COUNT(*) FROM responses r WHERE r.session_id = s.id AND r.discarded = 0) AS responses
       FROM sessions s ORDER BY s.started_at DESC, s.rowid DESC`,
    ),
    saveCursor: db.prepare('UPDATE sessions SET cursor_h = ?, cursor_v = ?, cursor_f = ?, updated_at = ? WHERE id = ?'),
    saveQuestionState: db.prepare(
      `INSERT INTO question_states (session_id, question_id, status, revealed, opened_at, closed_at, closes_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, question_id) DO UPDATE SET
         status = excluded.status, revealed = excluded.revealed,
         opened_at = excluded.opened_at, closed_at = excluded.closed_at, closes_at = excluded.closes_at`,
    ),
    questionStates: db.prepare('SELECT * FROM question_states WHERE session_id = ?'),
    insertAnswer: db.prepare(`${INSERT_ANSWERS} ${ANSWER_ROW}`),
    /** ANSWERS_PER_INSERT answers in one statement: a burst's commit binds its rows in a few dozen calls, not thousands. */
    insertAnswers: db.prepare(`${INSERT_ANSWERS} ${Array.from({ length: ANSWERS_PER_INSERT }, () => ANSWER_ROW).join(', ')}`),
    discardAnswers: db.prepare('UPDATE responses SET discarded = 1 WHERE session_id = ? AND question_id = ?'),
    deleteEntryMarks: db.prepare('DELETE FROM entry_marks WHERE session_id = ? AND question_id = ?'),
    deleteVotes: db.prepare('DELETE FROM qa_votes WHERE session_id = ? AND question_id = ?'),
    saveNickname: db.prepare(
      `INSERT INTO participants (session_id, participant_id, nickname, nickname_key, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET
         nickname = excluded.nickname, nickname_key = excluded.nickname_key, updated_at = excluded.updated_at`,
    ),
    nicknames: db.prepare('SELECT participant_id, nickname FROM participants WHERE session_id = ? ORDER BY updated_at'),
    saveEntryMark: db.prepare(
      `INSERT INTO entry_marks (session_id, question_id, entry_id, status, answered, pinned) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, question_id, entry_id) DO UPDATE SET
         status = excluded.status, answered = excluded.answered, pinned = excluded.pinned`,
    ),
    entryMarks: db.prepare('SELECT * FROM entry_marks WHERE session_id = ?'),
    insertVote: db.prepare('INSERT OR IGNORE INTO qa_votes (session_id, question_id, entry_id, participant_id, voted_at) VALUES (?, ?, ?, ?, ?)'),
    votes: db.prepare('SELECT * FROM qa_votes WHERE session_id = ? ORDER BY voted_at'),
    addReactions: db.prepare(
      `INSERT INTO reaction_counts (session_id, slide_index, emoji, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, slide_index, emoji) DO UPDATE SET count = count + excluded.count`,
    ),
    reactions: db.prepare('SELECT slide_index, emoji, count FROM reaction_counts WHERE session_id = ? ORDER BY slide_index'),
    responses: db.prepare('SELECT * FROM responses WHERE session_id = ? ORDER BY seq'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

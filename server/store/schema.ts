/**
 * The SQLite schema. Responses are an append-only log: a changed answer is a new row,
 * the latest row per participant and question counts, and a reset marks rows discarded
 * rather than deleting them, so every answer id ever acknowledged stays known.
 * Moderation marks and upvotes of a reset question are deleted with the reset: they
 * belong to answers that no longer count.
 */
export const SCHEMA_VERSION = 3;

/** Columns added to a table after it was first made: added to older data folders as they open. */
export const ADDED_COLUMNS = [
  // A quiz question's deadline once the presenter added time (otherwise worked out from the deck).
  { table: 'question_states', column: 'closes_at', type: 'INTEGER' },
] as const;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS sessions (
  id           TEXT PRIMARY KEY,
  join_code    TEXT NOT NULL UNIQUE,
  deck_file    TEXT NOT NULL,
  deck_title   TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  cursor_h     INTEGER NOT NULL DEFAULT 0,
  cursor_v     INTEGER NOT NULL DEFAULT 0,
  cursor_f     INTEGER NOT NULL DEFAULT -1,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_deck ON sessions (deck_file, started_at);

CREATE TABLE IF NOT EXISTS question_states (
  session_id   TEXT NOT NULL REFERENCES sessions (id),
  question_id  TEXT NOT NULL,
  status       TEXT NOT NULL,
  revealed     INTEGER NOT NULL,
  opened_at    INTEGER,
  closed_at    INTEGER,
  closes_at    INTEGER,
  PRIMARY KEY (session_id, question_id)
);

CREATE TABLE IF NOT EXISTS responses (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id     TEXT NOT NULL REFERENCES sessions (id),
  question_id    TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  answer_id      TEXT NOT NULL,
  value          TEXT NOT NULL,
  answered_at    INTEGER NOT NULL,
  discarded      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, answer_id)
);
-- Version 3: no index of responses by question. Every answer paid for it (a quarter of an
-- insert's time, and pages of the write-ahead log at each commit); only a question's reset read
-- it, and a reset finds the session's responses by the unique index's session_id as well.
DROP INDEX IF EXISTS responses_by_question;

-- Version 2: nicknames, moderation decisions, Q&A upvotes, reaction counts per slide.
CREATE TABLE IF NOT EXISTS participants (
  session_id     TEXT NOT NULL REFERENCES sessions (id),
  participant_id TEXT NOT NULL,
  nickname       TEXT NOT NULL,
  nickname_key   TEXT NOT NULL,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (session_id, participant_id),
  UNIQUE (session_id, nickname_key)
);

CREATE TABLE IF NOT EXISTS entry_marks (
  session_id   TEXT NOT NULL REFERENCES sessions (id),
  question_id  TEXT NOT NULL,
  entry_id     TEXT NOT NULL,
  status       TEXT NOT NULL,
  answered     INTEGER NOT NULL,
  pinned       INTEGER NOT NULL,
  PRIMARY KEY (session_id, question_id, entry_id)
);

CREATE TABLE IF NOT EXISTS qa_votes (
  session_id     TEXT NOT NULL REFERENCES sessions (id),
  question_id    TEXT NOT NULL,
  entry_id       TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  voted_at       INTEGER NOT NULL,
  PRIMARY KEY (session_id, question_id, entry_id, participant_id)
);

CREATE TABLE IF NOT EXISTS reaction_counts (
  session_id   TEXT NOT NULL REFERENCES sessions (id),
  slide_index  INTEGER NOT NULL,
  emoji        TEXT NOT NULL,
  count        INTEGER NOT NULL,
  PRIMARY KEY (session_id, slide_index, emoji)
);
`;

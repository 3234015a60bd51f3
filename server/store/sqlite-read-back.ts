import type { AnswerValue, EntryStatus, QuestionStatus, Reaction, ReactionCounts, SessionInfo, SlideCursor, SlideReactions } from '../../protocol/session.ts';
import type { RestoredQuestionState, RestoredSession, StoredEntryMark, StoredResponse, StoredVote } from './records.ts';
import type { Statements } from './sqlite-statements.ts';

/** The embedded store's rows, read back into the records' shapes: the engine rebuilds from these. */

export interface SessionRow {
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

interface QuestionStateRow {
  question_id: string;
  status: QuestionStatus;
  revealed: number;
  opened_at: number | null;
  closed_at: number | null;
  /** Absent in a data folder from before added time was kept. */
  closes_at?: number | null;
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

/** Everything the engine needs to carry on where the session stopped. */
export function readBackSession(statements: Statements, sessionId: string): RestoredSession {
  const session = statements.sessionById.get(sessionId) as SessionRow | undefined;
  if (!session) throw new Error(`no session with id ${sessionId}`);
  const questionStates = (statements.questionStates.all(sessionId) as QuestionStateRow[]).map(
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
  const answers: RestoredSession['answers'] = [];
  const discardedAnswerIds: string[] = [];
  for (const { discarded, ...answer } of readResponses(statements, sessionId)) {
    if (discarded) discardedAnswerIds.push(answer.answerId);
    else answers.push(answer);
  }
  const cursor: SlideCursor = { h: session.cursor_h, v: session.cursor_v, f: session.cursor_f };
  const nicknames = (statements.nicknames.all(sessionId) as { participant_id: string; nickname: string }[]).map((row) => ({
    participantId: row.participant_id,
    nickname: row.nickname,
  }));
  const entryMarks = (statements.entryMarks.all(sessionId) as EntryMarkRow[]).map(
    (row): StoredEntryMark => ({
      questionId: row.question_id,
      entryId: row.entry_id,
      status: row.status,
      answered: row.answered === 1,
      pinned: row.pinned === 1,
    }),
  );
  const votes = (statements.votes.all(sessionId) as VoteRow[]).map(
    (row): StoredVote => ({ questionId: row.question_id, entryId: row.entry_id, participantId: row.participant_id, votedAt: row.voted_at }),
  );
  return { cursor, questionStates, answers, discardedAnswerIds, nicknames, entryMarks, votes, reactions: readReactionCounts(statements, sessionId) };
}

function readReactionCounts(statements: Statements, sessionId: string): SlideReactions[] {
  const bySlide = new Map<number, ReactionCounts>();
  for (const row of statements.reactions.all(sessionId) as { slide_index: number; emoji: Reaction; count: number }[]) {
    const counts = bySlide.get(row.slide_index) ?? {};
    counts[row.emoji] = row.count;
    bySlide.set(row.slide_index, counts);
  }
  return [...bySlide].map(([slideIndex, counts]) => ({ slideIndex, counts }));
}

/** Every response of a session, oldest first, discarded ones included (for export). */
export function readResponses(statements: Statements, sessionId: string): StoredResponse[] {
  return (statements.responses.all(sessionId) as ResponseRow[]).map((row) => ({
    questionId: row.question_id,
    participantId: row.participant_id,
    answerId: row.answer_id,
    value: JSON.parse(row.value) as AnswerValue,
    answeredAt: row.answered_at,
    discarded: row.discarded === 1,
  }));
}

export function toSessionInfo(row: SessionRow): SessionInfo {
  return { id: row.id, joinCode: row.join_code, deckTitle: row.deck_title, startedAt: row.started_at };
}

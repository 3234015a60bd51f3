/**
 * The session log's records: what a store commits and what the engine folds, and every
 * shape a store reads back. A leaf module (it imports protocol types only), shared by the
 * engine, every store and the export.
 * Times are carried in the records, so folding the same records gives the same state.
 */
import type { AnswerValue, EntryStatus, QuestionState, SlideCursor, SlideReactions } from '../../protocol/session.ts';

/** One participant's answer to one question. */
export interface StoredAnswer {
  questionId: string;
  participantId: string;
  /** Made by the phone; a re-sent answer carries the same id and counts once. */
  answerId: string;
  value: AnswerValue;
  answeredAt: number;
}

/** An answer as the store keeps it for the export: every one ever committed, with whether a reset discarded it. */
export type StoredResponse = StoredAnswer & { discarded: boolean };

/** One upvote of a Q&A entry: at most one per participant and entry. */
export interface StoredVote {
  questionId: string;
  entryId: string;
  participantId: string;
  votedAt: number;
}

/** A presenter's decision about one moderated entry. */
export interface StoredEntryMark {
  questionId: string;
  entryId: string;
  status: EntryStatus;
  answered: boolean;
  pinned: boolean;
}

/**
 * A question's state as stored: a quiz's read phase is worked out again from the deck, and
 * so is its countdown's end, unless the store kept one (the presenter added time).
 */
export type RestoredQuestionState = Omit<QuestionState, 'closesAt' | 'answersOpenAt'> & { closesAt?: number | null };

export type SessionRecord =
  | ({ kind: 'answer' } & StoredAnswer)
  | ({ kind: 'vote' } & StoredVote)
  | { kind: 'nickname'; participantId: string; nickname: string; at: number }
  | ({ kind: 'entry-mark' } & StoredEntryMark)
  /** A reset: the question's answers stop counting, its marks and upvotes go. */
  | { kind: 'discard'; questionId: string }
  | { kind: 'cursor'; cursor: SlideCursor; at: number }
  | { kind: 'question-state'; state: RestoredQuestionState }
  | { kind: 'reactions'; bursts: SlideReactions[] };

/**
 * Two nicknames clash when they differ only in case, spacing or Unicode form: the engine
 * checks a nickname is free under this key, and the store's unique index is the last guard.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

export type RecordKind = SessionRecord['kind'];
export type RecordOf<K extends RecordKind> = Extract<SessionRecord, { kind: K }>;

/** What a store reads back after a restart, to rebuild the engine exactly as it was. */
export interface RestoredSession {
  cursor: SlideCursor;
  questionStates: RestoredQuestionState[];
  /** Every counted answer, oldest first: the latest per participant and question wins. */
  answers: StoredAnswer[];
  /** Ids of answers discarded by a reset: a late re-send of one must not count again. */
  discardedAnswerIds: string[];
  nicknames?: { participantId: string; nickname: string }[];
  /** The presenter's moderation decisions. */
  entryMarks?: StoredEntryMark[];
  votes?: StoredVote[];
  reactions?: SlideReactions[];
}

export const voteRecord = (vote: StoredVote): RecordOf<'vote'> => ({ kind: 'vote', ...vote });
export const markRecord = (mark: StoredEntryMark): RecordOf<'entry-mark'> => ({ kind: 'entry-mark', ...mark });

import type { AnswerValue, QuestionState, Reaction, SlideCursor } from '../../protocol/session.ts';
import type { Failure } from '../../protocol/errors.ts';
import type { StoredEntryMark } from './moderation.ts';
import type { StoredVote } from './qa-votes.ts';

/** One participant's answer to one question, as stored. */
export interface StoredAnswer {
  questionId: string;
  participantId: string;
  /** Made by the phone; a re-sent answer carries the same id and counts once. */
  answerId: string;
  value: AnswerValue;
  answeredAt: number;
}

/**
 * What the wiring must do after the engine changed something. The engine never
 * touches a socket or a database: it says what to write and what to tell whom.
 */
export type EngineEffect =
  | { kind: 'save-cursor'; cursor: SlideCursor }
  | { kind: 'save-question-state'; state: QuestionState }
  | { kind: 'save-answer'; answer: StoredAnswer }
  /** A reset: the question's answers, moderation marks and upvotes stop counting. */
  | { kind: 'discard-answers'; questionId: string }
  | { kind: 'save-nickname'; participantId: string; nickname: string }
  | { kind: 'save-entry-mark'; mark: StoredEntryMark }
  /** Batched like answers: acknowledge after the commit. */
  | { kind: 'save-vote'; vote: StoredVote }
  /** One reaction, already counted by the engine: the wiring batches the broadcast and the count's write. */
  | { kind: 'reaction'; slideIndex: number; emoji: Reaction }
  /** Every role's view changed (slide moved, a question opened or closed…). */
  | { kind: 'views-changed' }
  /** Only the quiz board changed (a nickname): presenter and display views, coalesced. */
  | { kind: 'board-changed' }
  /** A question's results changed; the wiring coalesces these before sending. */
  | { kind: 'results-changed'; questionId: string };

export type EngineOutcome<T extends object = object> = ({ ok: true; effects: EngineEffect[] } & T) | Failure;

import type { AnswerValue, QuestionState, SlideCursor } from '../../protocol/session.ts';
import type { Failure } from '../../protocol/errors.ts';

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
  | { kind: 'discard-answers'; questionId: string }
  /** Every role's view changed (slide moved, a question opened or closed…). */
  | { kind: 'views-changed' }
  /** A question's results changed; the wiring coalesces these before sending. */
  | { kind: 'results-changed'; questionId: string };

export type EngineOutcome<T extends object = object> = ({ ok: true; effects: EngineEffect[] } & T) | Failure;

import type { QuestionState, Reaction, SlideCursor, SlideReactions } from '../../protocol/session.ts';
import type { Failure } from '../../protocol/errors.ts';
import type { SessionRecord } from '../store/records.ts';

/**
 * What the wiring must do after the engine changed something. The engine never
 * touches a socket or a database: it says what to keep and what to tell whom. What a
 * phone or the presenter must not be told is saved before it is saved (answers, upvotes,
 * nicknames, moderation, resets) is not an effect but a record, committed before the
 * engine folds it.
 */
export type EngineEffect =
  /** Written without holding the talk up: kept and written again if the disk refuses. */
  | { kind: 'save-cursor'; cursor: SlideCursor }
  | { kind: 'save-question-state'; state: QuestionState }
  /** A reset: the question's answers stopped counting (their discard record is already committed). */
  | { kind: 'discard-answers'; questionId: string }
  /** One reaction, already counted by the engine: the wiring batches the broadcast and the count's write. */
  | { kind: 'reaction'; slideIndex: number; emoji: Reaction }
  /** Reactions another node's phones sent (from the shared log), counted already: float them here too, write nothing. */
  | { kind: 'reactions-elsewhere'; bursts: SlideReactions[] }
  /** Every role's view changed (slide moved, a question opened or closed…). */
  | { kind: 'views-changed' }
  /** Only the quiz board changed (a nickname): presenter and display views, coalesced. */
  | { kind: 'board-changed' }
  /** A question's results changed; the wiring coalesces these before sending. */
  | { kind: 'results-changed'; questionId: string };

export type EngineOutcome<T extends object = object> = ({ ok: true; effects: EngineEffect[] } & T) | Failure;

/** A phone's or the presenter's command, checked: the records to commit before anything counts. */
export type Proposal<T extends object = object> = ({ ok: true; records: SessionRecord[] } & T) | Failure;

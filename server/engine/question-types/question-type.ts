import type { Question } from '../../../protocol/deck.ts';
import type { Failure, RefusalDetail } from '../../../protocol/errors.ts';
import type { AnswerMode } from '../../../protocol/question-types.ts';
import type { AnswerValue, EntryStatus, QuestionState, Results } from '../../../protocol/session.ts';
import type { StoredAnswer } from '../../store/records.ts';

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string; detail?: RefusalDetail };

export type { AnswerMode };

/** What the presenter and the filter decided about one typed entry. */
export interface EntryState {
  status: EntryStatus;
  flagged: boolean;
  answered: boolean;
  pinned: boolean;
}

/** Everything a tally may read, so type modules stay pure functions of their inputs. */
export interface TallyContext {
  /** Every counted answer, in the order they were given. */
  answers: readonly StoredAnswer[];
  /** Participants with at least one counted answer. */
  respondents: number;
  /** A quiz's correct options may be included: the quiz is closed and revealed. */
  revealAnswer: boolean;
  /** The presenter's results: held and hidden entries included. Otherwise approved entries only. */
  forPresenter: boolean;
  /** The export: list every entry, not just as many as a results message carries. */
  listAll?: boolean;
  /** Moderation state of an entry of this question (a default one for an entry never seen). */
  entry(entryId: string): EntryState;
  /** Upvotes of a Q&A entry. */
  votes(entryId: string): number;
}

/**
 * What the engine needs to know about one kind of question: the type's rules (below)
 * with the facts the protocol's descriptor gives it (how its answers count).
 */
export interface QuestionTypeModule<Q extends Question = Question> extends QuestionTypeRules<Q> {
  type: Q['type'];
  answerMode: AnswerMode;
}

/**
 * One question type's own rules. Adding a question type means adding one module that
 * implements this and listing it in the registry (index.ts).
 */
export interface QuestionTypeRules<Q extends Question = Question> {
  /** collect only: how many answers one participant may give. */
  maxAnswers?(question: Q): number;
  /** Checks a phone's answer against the question and returns it in canonical form. */
  checkAnswer(question: Q, value: AnswerValue): AnswerCheck;
  /**
   * Moderated types: the entry an answer makes, by id, and the text the filter reads.
   * Answers that make the same entry id (the same word) are counted together.
   */
  entryOf?(question: Q, answer: StoredAnswer): { id: string; text: string };
  /** Q&A: phones upvote the entries, and the presenter marks them answered or pinned. */
  votedEntries?: true;
  /** Types played against the clock (quizzes): the engine's lifecycle asks these instead of naming the type. */
  timed?: TimedRun<Q>;
  tally(question: Q, context: TallyContext): Results;
}

/**
 * A question that runs against the clock: it shows for a read phase, then takes answers
 * until its countdown ends (or the presenter adds time), and it runs once.
 */
export interface TimedRun<Q extends Question = Question> {
  /** When answers open and when they close, from the moment the question opened. */
  window(question: Q, openedAt: number): { answersOpenAt: number; closesAt: number };
  /** Why a closed question may not open again (undefined: it may). */
  refuseReopen(state: QuestionState): Failure | undefined;
  /** It closes as soon as every phone in the room has answered, not waiting out its countdown. */
  closesWhenAllAnswered: boolean;
}

import type { Question } from '../../../protocol/deck.ts';
import type { RefusalDetail } from '../../../protocol/errors.ts';
import type { AnswerValue, EntryStatus, Results } from '../../../protocol/session.ts';
import type { StoredAnswer } from '../../store/records.ts';

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string; detail?: RefusalDetail };

/**
 * How a participant's next answer to the same question counts:
 * - replace: the latest answer counts (polls, scales, open text);
 * - final: the first answer counts and cannot be changed (quizzes);
 * - collect: each answer adds to the ones before, up to maxAnswers (word clouds, Q&A).
 */
export type AnswerMode = 'replace' | 'final' | 'collect';

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
 * What the engine needs to know about one kind of question. Adding a question type
 * means adding one module that implements this and listing it in the registry.
 */
export interface QuestionTypeModule<Q extends Question = Question> {
  type: Q['type'];
  answerMode: AnswerMode;
  /** collect only: how many answers one participant may give. */
  maxAnswers?(question: Q): number;
  /** Checks a phone's answer against the question and returns it in canonical form. */
  checkAnswer(question: Q, value: AnswerValue): AnswerCheck;
  /**
   * Moderated types: the entry an answer makes, by id, and the text the filter reads.
   * Answers that make the same entry id (the same word) are counted together.
   */
  entryOf?(question: Q, answer: StoredAnswer): { id: string; text: string };
  tally(question: Q, context: TallyContext): Results;
}

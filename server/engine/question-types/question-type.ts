import type { Question } from '../../../protocol/deck.ts';
import type { AnswerValue, Results } from '../../../protocol/session.ts';

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

/**
 * What the engine needs to know about one kind of question. Adding a question type
 * means adding one module that implements this and listing it in the registry.
 */
export interface QuestionTypeModule<Q extends Question = Question> {
  type: Q['type'];
  /** Checks a phone's answer against the question and returns it in canonical form. */
  checkAnswer(question: Q, value: AnswerValue): AnswerCheck;
  /**
   * The results from every participant's latest answer. `revealed` says whether
   * hidden parts (a quiz's correct options) may be included.
   */
  tally(question: Q, answers: AnswerValue[], revealed: boolean): Results;
}

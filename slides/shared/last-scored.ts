import { QUESTION_TYPE_FACTS, type QuestionType } from '../../protocol/question-types.ts';

/** The deck's last scored question: where the quiz standings turn into the podium. */
export function lastScoredQuestion<Q extends { type: QuestionType }>(questions: readonly Q[]): Q | undefined {
  return questions.filter((question) => QUESTION_TYPE_FACTS[question.type].scored).at(-1);
}

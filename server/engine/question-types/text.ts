import type { TextQuestion } from '../../../protocol/deck.ts';
import type { TextEntry } from '../../../protocol/session.ts';
import { listFor } from './moderated-entries.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { answerText, checkTypedAnswer } from './typed-text.ts';

/** An open answer, one per phone (a new one replaces it), moderated before it is shown. */
export const textQuestion: QuestionTypeRules<TextQuestion> = {
  checkAnswer: (question, value) =>
    checkTypedAnswer(value, { maxLength: question.maxLength, what: 'answer', singleLine: false, shape: 'a text answer' }),

  entryOf: (_question, answer) => ({ id: answer.answerId, text: answerText(answer) }),

  tally(question, context) {
    const entries: TextEntry[] = context.answers.map((answer) => {
      const { status, flagged } = context.entry(answer.answerId);
      return { id: answer.answerId, text: answerText(answer), answeredAt: answer.answeredAt, status, flagged };
    });
    return {
      type: 'text',
      questionId: question.id,
      responses: context.respondents,
      answers: listFor(entries, context, (a, b) => b.answeredAt - a.answeredAt),
    };
  },
};

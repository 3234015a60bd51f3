import type { TextQuestion } from '../../../protocol/deck.ts';
import type { TextEntry } from '../../../protocol/session.ts';
import { listFor } from './moderated-entries.ts';
import type { QuestionTypeModule } from './question-type.ts';
import { cleanTypedText } from './typed-text.ts';

/** An open answer, one per phone (a new one replaces it), moderated before it is shown. */
export const textQuestion: QuestionTypeModule<TextQuestion> = {
  type: 'text',
  answerMode: 'replace',

  checkAnswer(question, value) {
    if (!('text' in value)) return { ok: false, message: 'a text answer is { text: "…" }' };
    const cleaned = cleanTypedText(value.text, question.maxLength, 'answer', false);
    return cleaned.ok ? { ok: true, value: { text: cleaned.text } } : cleaned;
  },

  entryOf(_question, answer) {
    return { id: answer.answerId, text: 'text' in answer.value ? answer.value.text : '' };
  },

  tally(question, context) {
    const entries: TextEntry[] = context.answers.map((answer) => {
      const { status, flagged } = context.entry(answer.answerId);
      const text = 'text' in answer.value ? answer.value.text : '';
      return { id: answer.answerId, text, answeredAt: answer.answeredAt, status, flagged };
    });
    return {
      type: 'text',
      questionId: question.id,
      responses: context.respondents,
      answers: listFor(entries, context, (a, b) => b.answeredAt - a.answeredAt),
    };
  },
};

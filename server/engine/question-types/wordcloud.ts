import type { WordcloudQuestion } from '../../../protocol/deck.ts';
import type { WordTally } from '../../../protocol/session.ts';
import { wordKey } from '../../../protocol/word-key.ts';
import type { StoredAnswer } from '../../store/records.ts';
import { listFor } from './moderated-entries.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { answerText, checkTypedAnswer } from './typed-text.ts';

function wordOf(answer: StoredAnswer): { id: string; text: string } {
  const text = answerText(answer);
  return { id: wordKey(text), text };
}

/** A few words per phone (up to max-answers), counted by their normalised form. */
export const wordcloudQuestion: QuestionTypeRules<WordcloudQuestion> = {
  maxAnswers: (question) => question.maxAnswers,

  checkAnswer: (question, value) =>
    checkTypedAnswer(value, { maxLength: question.maxLength, what: 'word', singleLine: true, shape: 'a word cloud answer' }),

  entryOf: (_question, answer) => wordOf(answer),

  tally(question, context) {
    const byKey = new Map<string, WordTally>();
    for (const answer of context.answers) {
      const { id, text } = wordOf(answer);
      const word = byKey.get(id);
      if (word) word.count += 1;
      else byKey.set(id, { id, word: text, count: 1, status: 'approved', flagged: false });
    }
    const words = [...byKey.values()].map((word) => {
      const { status, flagged } = context.entry(word.id);
      return { ...word, status, flagged };
    });
    const counted = context.forPresenter ? words : words.filter((word) => word.status === 'approved');
    return {
      type: 'wordcloud',
      questionId: question.id,
      responses: context.respondents,
      total: counted.reduce((sum, word) => sum + word.count, 0),
      words: listFor(words, context, (a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  },
};

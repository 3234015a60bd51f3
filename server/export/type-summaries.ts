/**
 * The type-specific part of a question's summary in `export results --format json`, one
 * per results shape (a type reaches its shape's through its descriptor): numbers for
 * polls, quizzes and scales; approved entries for what the audience typed.
 */
import type { Question } from '../../protocol/deck.ts';
import type { ResultsOfShape } from '../../protocol/question-results.ts';
import type { ResultsShape } from '../../protocol/question-types.ts';
import type { OptionTally } from '../../protocol/session.ts';

/** The fields of a question's summary that depend on its results shape (the rest is in results-json.ts). */
export interface TypeSummary {
  multiple?: boolean;
  distribution?: { option: string; count: number; percent: number }[];
  correct?: string[];
  average?: number | null;
  min?: number;
  max?: number;
  words?: { word: string; count: number }[];
  totalWords?: number;
  answers?: { text: string; answeredAt: string }[];
  questions?: { text: string; votes: number; answered: boolean; askedAt: string }[];
}

type Summarise<S extends ResultsShape> = (results: ResultsOfShape<S>, question: Question) => TypeSummary;

const iso = (ms: number) => new Date(ms).toISOString();
const distribution = (options: OptionTally[]) => options.map(({ option, count, percent }) => ({ option, count, percent }));

export const TYPE_SUMMARIES: { [S in ResultsShape]: Summarise<S> } = {
  tally: (results, question) => ({
    ...('multiple' in question ? { multiple: question.multiple } : {}),
    distribution: distribution(results.options),
  }),
  'graded-tally': (results, question) => ({
    distribution: distribution(results.options),
    correct: 'correct' in question ? question.correct.map((index) => question.options[index]!) : [],
  }),
  average: (results, question) => ({
    distribution: distribution(results.options),
    average: results.average,
    ...('min' in question ? { min: question.min, max: question.max } : {}),
  }),
  words(results) {
    const words = results.words.filter((word) => word.status === 'approved').map(({ word, count }) => ({ word, count }));
    return { words, totalWords: words.reduce((sum, word) => sum + word.count, 0) };
  },
  answers: (results) => ({
    answers: results.answers.filter((answer) => answer.status === 'approved').map((answer) => ({ text: answer.text, answeredAt: iso(answer.answeredAt) })),
  }),
  questions: (results) => ({
    questions: results.questions
      .filter((entry) => entry.status === 'approved')
      .map((entry) => ({ text: entry.text, votes: entry.votes, answered: entry.answered, askedAt: iso(entry.askedAt) })),
  }),
};

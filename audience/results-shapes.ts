import type { Results, ResultsOfShape } from '../protocol/question-results.ts';
import { QUESTION_TYPE_FACTS, type ResultsShape } from '../protocol/question-types.ts';
import type { OwnAnswer } from '../protocol/session.ts';
import { wordKey } from '../protocol/word-key.ts';
import { strings } from './strings.ts';

/** One line of results: what, how many, how big its bar is (null: no bar), whether it is the phone's own, whether it is right. */
export type Row = [label: string, figure: string, percent: number | null, mine: boolean, right?: boolean];

/** What the phone does with one results shape (a type reaches its shape's through its descriptor). */
interface PhoneResults<S extends ResultsShape> {
  /** The rows of the results view (Q&A has none: its screen lists the questions). */
  rows(results: ResultsOfShape<S>, owns: OwnAnswer[]): Row[];
  /** Typed entries: the ids the results list them under, and the id one of the phone's answers is listed under. */
  entries?: { listed(results: ResultsOfShape<S>): string[]; idOf(own: OwnAnswer): string };
}

const textOf = (own: OwnAnswer) => ('text' in own.value ? own.value.text : '');
const byAnswerId = (own: OwnAnswer) => own.answerId;

function optionRows(results: ResultsOfShape<'tally' | 'graded-tally' | 'average'>, owns: OwnAnswer[]): Row[] {
  const own = owns.at(-1)?.value;
  return results.options.map((tally, index) => [
    tally.option,
    strings.resultsFigure(tally.count, tally.percent),
    tally.percent,
    own !== undefined && ('options' in own ? own.options.includes(index) : 'value' in own && String(own.value) === tally.option),
    'correct' in results && results.correct?.includes(index),
  ]);
}

export const PHONE_RESULTS: { [S in ResultsShape]: PhoneResults<S> } = {
  tally: { rows: optionRows },
  'graded-tally': { rows: optionRows },
  average: { rows: optionRows },
  words: {
    rows(results) {
      const most = Math.max(1, ...results.words.map((word) => word.count));
      return results.words.map((word) => [word.word, strings.resultsTimes(word.count), (word.count / most) * 100, false]);
    },
    // A word is listed under its normalised form: the same word from two phones is one entry.
    entries: { listed: (results) => results.words.map((entry) => entry.id), idOf: (own) => wordKey(textOf(own)) },
  },
  answers: {
    rows: (results, owns) => results.answers.map((answer) => [answer.text, '', null, owns.some((mine) => mine.answerId === answer.id)]),
    entries: { listed: (results) => results.answers.map((entry) => entry.id), idOf: byAnswerId },
  },
  questions: {
    rows: () => [],
    entries: { listed: (results) => results.questions.map((entry) => entry.id), idOf: byAnswerId },
  },
};

/** The phone's module for these results' shape. */
export function phoneResults(results: Results): PhoneResults<ResultsShape> {
  // The table keeps each module matched to its shape; the results are of the shape they are looked up by.
  return PHONE_RESULTS[QUESTION_TYPE_FACTS[results.type].results] as PhoneResults<ResultsShape>;
}

/**
 * What a question's results hold, by results shape (question-types.ts names each type's
 * shape). A type's Results follow from its shape, so a new type with an existing shape
 * gets its results type without a line here.
 */
import { QUESTION_TYPE_FACTS, type FactsOf, type QuestionType, type ResultsShape } from './question-types.ts';

/** One option's tally. Percent is of the participants who answered, rounded to a whole number. */
export interface OptionTally {
  option: string;
  count: number;
  percent: number;
}

/**
 * Moderation of what the audience types (text answers, Q&A questions, word-cloud words).
 * pending: waits for the presenter (the profanity filter flagged it); approved: shown;
 * hidden: taken down by the presenter. Phones and displays only ever get approved entries.
 */
export const ENTRY_STATUSES = ['pending', 'approved', 'hidden'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export interface ModeratedEntry {
  /** What `moderation:set` and `qa:*` events name the entry by. */
  id: string;
  status: EntryStatus;
  /** The profanity filter matched it (it then waits as pending until the presenter decides). */
  flagged: boolean;
}

/** One word of a word cloud; `id` is its normalised form (see wordKey). */
export interface WordTally extends ModeratedEntry {
  /** The word as the first phone to send it spelled it. */
  word: string;
  count: number;
}

/** One open answer; `id` is the answer id the phone made. Plain text: render with textContent. */
export interface TextEntry extends ModeratedEntry {
  text: string;
  answeredAt: number;
}

/** One audience question; `id` is the answer id the asking phone made. */
export interface QaEntry extends ModeratedEntry {
  text: string;
  askedAt: number;
  votes: number;
  answered: boolean;
  /** At most one pinned entry per question: the one on the projector now. */
  pinned: boolean;
}

/** The fields each results shape adds to type, questionId and responses. */
export interface ResultsShapeFields {
  /** One tally per option (polls). */
  tally: { options: OptionTally[] };
  /** Quizzes: correct holds the right options' indices, present only once the quiz is closed AND revealed. */
  'graded-tally': { options: OptionTally[]; correct?: number[] };
  /**
   * Scales: one tally per value from min to max (`option` is the value as text), and the
   * mean of the answers rounded to 2 decimals (null before the first answer).
   */
  average: { options: OptionTally[]; average: number | null };
  /** Word clouds: words counted (approved ones, for phones and displays), most sent first, at most LIMITS.resultEntries. */
  words: { total: number; words: WordTally[] };
  /** Open text. Presenter: waiting ones first, then newest first. Others: approved only, newest first. */
  answers: { answers: TextEntry[] };
  /** Q&A: pinned first, then most votes, then oldest. Phones and displays: approved only. */
  questions: { questions: QaEntry[] };
}

interface ResultsCommon<T extends QuestionType> {
  type: T;
  questionId: string;
  /** Participants with at least one counted answer. */
  responses: number;
}

/** One type's results: the common part and its shape's fields. */
export type ResultsOf<T extends QuestionType> = T extends QuestionType ? ResultsCommon<T> & ResultsShapeFields[FactsOf<T>['results']] : never;
export type Results = ResultsOf<QuestionType>;

/** The types whose results have the given shape. */
export type TypesOfShape<S extends ResultsShape> = { [T in QuestionType]: FactsOf<T>['results'] extends S ? T : never }[QuestionType];
/** Results of any type with the given shape: what a per-shape module handles. */
export type ResultsOfShape<S extends ResultsShape> = ResultsOf<TypesOfShape<S>>;

export type ChoiceResults = ResultsOf<'choice'>;
export type QuizResults = ResultsOf<'quiz'>;
export type ScaleResults = ResultsOf<'scale'>;
export type WordResults = ResultsOf<'wordcloud'>;
export type TextResults = ResultsOf<'text'>;
export type QaResults = ResultsOf<'qa'>;

/** The results shape of a question type (its descriptor's `results`). */
export function shapeOf(type: QuestionType): ResultsShape {
  return QUESTION_TYPE_FACTS[type].results;
}

/** Calls the function a per-shape table holds for these results' shape: one typed lookup instead of a switch. */
export function forResults<R, A extends unknown[] = []>(
  table: { [S in ResultsShape]: (results: ResultsOfShape<S>, ...rest: A) => R },
  results: Results,
  ...rest: A
): R {
  return (table[shapeOf(results.type)] as (results: Results, ...rest: A) => R)(results, ...rest);
}

/**
 * THE question-type descriptor table: what each kind of question is, in one place. Every
 * layer reads a type's facts from here (how answers count, whether what the audience types
 * is moderated, which poll-block fields it takes, how its results are shaped, what the
 * console calls it) instead of working them out from the type's name. Adding a type
 * starts here: see docs/adding-a-question-type.md.
 *
 * Imports nothing: deck.ts and session.ts build on it.
 */

export const QUESTION_TYPES = ['choice', 'quiz', 'wordcloud', 'text', 'scale', 'qa'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Who may see a question's results, and when. */
export const RESULTS_VISIBILITY = ['live', 'after-vote', 'after-close', 'presenter-only'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

/** What every question has, whatever its type. */
export interface QuestionCommon {
  /** Unique in the deck; the key answers are stored under. */
  id: string;
  question: string;
  results: ResultsVisibility;
  /** Id of an earlier question whose results are shown beside this one's. */
  compare?: string;
  /** Index into Deck.slides of the slide the question sits on. */
  slideIndex: number;
  /** 1-based line of the question block's opening fence in the deck file. */
  line: number;
}

export interface ChoiceQuestion extends QuestionCommon {
  type: 'choice';
  options: string[];
  multiple: boolean;
}

export interface QuizQuestion extends QuestionCommon {
  type: 'quiz';
  options: string[];
  /** Indices into options. Never sent to a phone before the reveal. */
  correct: number[];
  /** Seconds the phones have to answer. */
  time: number;
  /** Seconds the question shows before answers open (the read phase); points count from then. */
  read: number;
}

export interface ScaleQuestion extends QuestionCommon {
  type: 'scale';
  min: number;
  max: number;
  labels?: [string, string];
}

export interface WordcloudQuestion extends QuestionCommon {
  type: 'wordcloud';
  maxLength: number;
  /** How many words one phone may send. */
  maxAnswers: number;
}

export interface TextQuestion extends QuestionCommon {
  type: 'text';
  maxLength: number;
}

export interface QaQuestion extends QuestionCommon {
  type: 'qa';
  maxLength: number;
}

export type Question = ChoiceQuestion | QuizQuestion | ScaleQuestion | WordcloudQuestion | TextQuestion | QaQuestion;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/**
 * How a participant's next answer to the same question counts:
 * - replace: the latest answer counts (polls, scales, open text);
 * - final: the first answer counts and cannot be changed (quizzes);
 * - collect: each answer adds to the ones before, up to a limit (word clouds, Q&A).
 */
export type AnswerMode = 'replace' | 'final' | 'collect';

/**
 * How a type's results are shaped (question-results.ts gives each its fields). Results,
 * their rendering, their export and the console's section for them are one module per
 * shape, so a new type whose results look like an existing type's needs none of its own.
 */
export const RESULTS_SHAPES = ['tally', 'graded-tally', 'average', 'words', 'answers', 'questions'] as const;
export type ResultsShape = (typeof RESULTS_SHAPES)[number];

export interface QuestionTypeFacts {
  /** What the presenter console calls the type (it adds the settings that matter while it runs). */
  label: string;
  answerMode: AnswerMode;
  results: ResultsShape;
  /** What the audience types is screened (the word filter, then the presenter) before others see it. */
  moderated?: true;
  /** Answers count towards the quiz score and standings. */
  scored?: true;
}

/**
 * The facts every layer reads. Small on purpose: the phone loads this table (and nothing
 * else of this file but the names), so a fact that is false is left out.
 */
const FACTS = {
  choice: { label: 'Poll', answerMode: 'replace', results: 'tally' },
  quiz: { label: 'Quiz', answerMode: 'final', results: 'graded-tally', scored: true },
  scale: { label: 'Scale', answerMode: 'replace', results: 'average' },
  wordcloud: { label: 'Word cloud', answerMode: 'collect', results: 'words', moderated: true },
  text: { label: 'Open text', answerMode: 'replace', results: 'answers', moderated: true },
  qa: { label: 'Audience Q&A', answerMode: 'collect', results: 'questions', moderated: true },
} as const satisfies Record<QuestionType, QuestionTypeFacts>;

/** Each type's facts: every fact readable on any type, each type's results shape kept exact. */
export const QUESTION_TYPE_FACTS: { [T in QuestionType]: QuestionTypeFacts & (typeof FACTS)[T] } = FACTS;

export type FactsOf<T extends QuestionType> = (typeof QUESTION_TYPE_FACTS)[T];

/**
 * How a type is written in a deck's ```poll block: the fields it takes besides the common
 * ones (id, type, question, results, compare), as YAML names, and who sees its results
 * when the block does not say. Only the deck compiler reads this table.
 */
export const QUESTION_BLOCKS = {
  choice: { fields: ['options', 'multiple'], defaultResults: 'live' },
  // A quiz keeps its answer until it is closed.
  quiz: { fields: ['options', 'correct', 'time', 'read'], defaultResults: 'after-close' },
  scale: { fields: ['min', 'max', 'labels'], defaultResults: 'live' },
  wordcloud: { fields: ['max-length', 'max-answers'], defaultResults: 'live' },
  text: { fields: ['max-length'], defaultResults: 'live' },
  qa: { fields: ['max-length'], defaultResults: 'live' },
} as const satisfies Record<QuestionType, { fields: readonly string[]; defaultResults: ResultsVisibility }>;

export function isQuestionType(value: unknown): value is QuestionType {
  return typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);
}


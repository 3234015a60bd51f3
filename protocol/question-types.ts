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
  answerMode: AnswerMode;
  /** What the audience types is screened (the word filter, then the presenter) before others see it. */
  moderated: boolean;
  /** Answers count towards the quiz score and standings. */
  scored: boolean;
  results: ResultsShape;
  /** Who sees results when the poll block does not say. */
  defaultResults: ResultsVisibility;
}

/** The facts every layer reads. Small on purpose: the phone loads this table. */
export const QUESTION_TYPE_FACTS = {
  choice: { answerMode: 'replace', moderated: false, scored: false, results: 'tally', defaultResults: 'live' },
  // A quiz keeps its answer until it is closed.
  quiz: { answerMode: 'final', moderated: false, scored: true, results: 'graded-tally', defaultResults: 'after-close' },
  scale: { answerMode: 'replace', moderated: false, scored: false, results: 'average', defaultResults: 'live' },
  wordcloud: { answerMode: 'collect', moderated: true, scored: false, results: 'words', defaultResults: 'live' },
  text: { answerMode: 'replace', moderated: true, scored: false, results: 'answers', defaultResults: 'live' },
  qa: { answerMode: 'collect', moderated: true, scored: false, results: 'questions', defaultResults: 'live' },
} as const satisfies Record<QuestionType, QuestionTypeFacts>;

export type FactsOf<T extends QuestionType> = (typeof QUESTION_TYPE_FACTS)[T];

/** The fields a type's poll block takes besides the common ones (id, type, question, results, compare), as YAML names. */
export const QUESTION_FIELDS = {
  choice: ['options', 'multiple'],
  quiz: ['options', 'correct', 'time', 'read'],
  scale: ['min', 'max', 'labels'],
  wordcloud: ['max-length', 'max-answers'],
  text: ['max-length'],
  qa: ['max-length'],
} as const satisfies Record<QuestionType, readonly string[]>;

/** What the presenter console calls a question: its kind, with the settings that matter while it runs. */
export const QUESTION_LABELS = {
  choice: (question: ChoiceQuestion) => (question.multiple ? 'Poll · several answers' : 'Poll'),
  quiz: (question: QuizQuestion) => `Quiz · ${question.time} s`,
  scale: (question: ScaleQuestion) => `Scale ${question.min}–${question.max}`,
  wordcloud: () => 'Word cloud',
  text: () => 'Open text',
  qa: () => 'Audience Q&A',
} satisfies { [T in QuestionType]: (question: QuestionOf<T>) => string };

/** The types whose facts match: e.g. every moderated type. */
export function typesWhere(test: (facts: QuestionTypeFacts) => boolean): QuestionType[] {
  return QUESTION_TYPES.filter((type) => test(QUESTION_TYPE_FACTS[type]));
}

/** Calls a per-type function with its own question: one typed lookup instead of a switch. */
export function forQuestion<R>(table: { [T in QuestionType]: (question: QuestionOf<T>) => R }, question: Question): R {
  return (table[question.type] as (question: Question) => R)(question);
}

export function isQuestionType(value: unknown): value is QuestionType {
  return typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);
}

/** The deck's last scored question: where the quiz standings turn into the podium. */
export function lastScoredQuestion<Q extends { type: QuestionType }>(questions: readonly Q[]): Q | undefined {
  return questions.filter((question) => QUESTION_TYPE_FACTS[question.type].scored).at(-1);
}

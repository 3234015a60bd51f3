/**
 * The live session as clients see it: slide position, question status, results and
 * each role's view. Only types and pure helpers: the engine computes these, the wiring
 * sends them, the pages render them.
 */
import type { PublicQuestion, Question, QuestionType } from './deck.ts';

export const ROLES = ['presenter', 'display', 'audience'] as const;
export type Role = (typeof ROLES)[number];

/** Where the talk is: reveal.js's indices h (column), v (row), f (fragment step, -1 = none shown). */
export interface SlideCursor {
  h: number;
  v: number;
  f: number;
}

/** A question's life: pending until its slide is first reached, then open or closed. */
export const QUESTION_STATUSES = ['pending', 'open', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface QuestionState {
  questionId: string;
  status: QuestionStatus;
  /** The presenter shows the results on the projector (reveal) or hides them. */
  revealed: boolean;
  /** How many participants have answered (their latest answer counts). */
  responses: number;
  /** Epoch ms when the question was last opened; quizzes count down from here. */
  openedAt: number | null;
  closedAt: number | null;
}

/** One option's tally. Percent is of the participants who answered, rounded to a whole number. */
export interface OptionTally {
  option: string;
  count: number;
  percent: number;
}

export interface ChoiceResults {
  type: 'choice';
  questionId: string;
  responses: number;
  options: OptionTally[];
}

export interface QuizResults {
  type: 'quiz';
  questionId: string;
  responses: number;
  options: OptionTally[];
  /** Indices of the correct options: present only once the results are revealed. */
  correct?: number[];
}

export interface ScaleResults {
  type: 'scale';
  questionId: string;
  responses: number;
  /** One entry per value from min to max. */
  options: OptionTally[];
  average: number | null;
}

export interface WordResults {
  type: 'wordcloud';
  questionId: string;
  responses: number;
  words: { word: string; count: number }[];
}

export interface TextResults {
  type: 'text';
  questionId: string;
  responses: number;
  answers: { id: string; text: string }[];
}

export interface QaResults {
  type: 'qa';
  questionId: string;
  responses: number;
  questions: { id: string; text: string; votes: number; answered: boolean }[];
}

export type Results = ChoiceResults | QuizResults | ScaleResults | WordResults | TextResults | QaResults;

/** What a phone sends as its answer, by question type. */
export type AnswerValue =
  | { options: number[] } // choice, quiz
  | { value: number } // scale
  | { text: string }; // wordcloud, text, qa

/** A phone's own answer to a question, as the server acknowledged it. */
export interface OwnAnswer {
  questionId: string;
  answerId: string;
  value: AnswerValue;
  answeredAt: number;
}

export interface SessionInfo {
  id: string;
  joinCode: string;
  deckTitle: string;
  startedAt: number;
}

/** The presenter console's view: everything, including notes and all results. */
export interface PresenterView {
  role: 'presenter';
  session: SessionInfo;
  cursor: SlideCursor;
  slideIndex: number;
  questions: Record<string, QuestionState>;
  results: Record<string, Results>;
  participants: number;
  /** Speaker notes by slide index. */
  notes: string[];
  /** The full questions, quiz answers included. */
  deckQuestions: Question[];
}

/**
 * The projector's view, never notes. Results only of revealed questions, and of the
 * earlier question a revealed one compares with (`compare:`), for the before/after view.
 */
export interface DisplayView {
  role: 'display';
  session: SessionInfo;
  cursor: SlideCursor;
  slideIndex: number;
  questions: Record<string, QuestionState>;
  results: Record<string, Results>;
  participants: number;
}

/** A phone's view: the current slide's title and question, and what it may see of the results. */
export interface AudienceView {
  role: 'audience';
  session: SessionInfo;
  slideIndex: number;
  slideTitle: string;
  question: PublicQuestion | null;
  questionState: QuestionState | null;
  results: Results | null;
  ownAnswer: OwnAnswer | null;
  participantId: string;
}

export type RoleView = PresenterView | DisplayView | AudienceView;

export type { QuestionType };

/**
 * The live session as clients see it: slide position, question status, results and
 * each role's view. Only types and pure helpers: the engine computes these, the wiring
 * sends them, the pages render them.
 */
import type { PublicQuestion, Question, QuestionType } from './deck.ts';
import type { Results } from './question-results.ts';
import type { PlayerScore, QuizBoard } from './quiz-board.ts';
import type { SlideReactions } from './reactions.ts';

// The quiz standings and the reactions have their own modules; the session's types are still all found here.
export type { LeaderboardEntry, PlayerScore, QuizBoard, QuizOutcome } from './quiz-board.ts';
export { REACTIONS, type Reaction, type ReactionBurst, type ReactionCounts, type SlideReactions } from './reactions.ts';

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
  /** Quiz only, once opened: epoch ms (server clock) when answers open, openedAt + read (the read phase before). */
  answersOpenAt?: number;
  /** Quiz only, once opened: epoch ms (server clock) when answering closes, answersOpenAt + time (+ time the presenter added). */
  closesAt?: number;
}

/** What the presenter's `add-time` gives a running quiz question, in seconds. */
export const QUIZ_ADDED_SECONDS = 10;

export { ENTRY_STATUSES } from './question-results.ts';
export type {
  ChoiceResults,
  EntryStatus,
  OptionTally,
  QaEntry,
  QaResults,
  QuizResults,
  Results,
  ResultsOf,
  ScaleResults,
  TextEntry,
  TextResults,
  WordResults,
  WordTally,
} from './question-results.ts';

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
  /** Quiz standings; null when the deck has no quiz. */
  quiz: QuizBoard | null;
  /** Reaction counts per slide (slides with none are left out). */
  reactions: SlideReactions[];
  /** The server's clock when the view was made: clients correct countdowns with it. */
  serverTime: number;
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
  /** Quiz standings; null when the deck has no quiz. */
  quiz: QuizBoard | null;
  /** The server's clock when the view was made: clients correct countdowns with it. */
  serverTime: number;
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
  /** Its latest answer to the current question. */
  ownAnswer: OwnAnswer | null;
  /** All its counted answers to the current question (several for word clouds and Q&A), oldest first. */
  ownAnswers: OwnAnswer[];
  /** Entry ids of the current Q&A question it has upvoted. */
  ownVotes: string[];
  participantId: string;
  nickname: string | null;
  /** Its quiz score; null when the deck has no quiz. */
  score: PlayerScore | null;
  /** The server's clock when the view was made: clients correct countdowns with it. */
  serverTime: number;
}

export type RoleView = PresenterView | DisplayView | AudienceView;

export type { QuestionType };

/** One kind of record the server cannot write right now, and why. */
export interface StorageProblem {
  /** "answers", "upvotes"… */
  subject: string;
  /** "the disk holding /srv/handsup/data is full" */
  reason: string;
  /** The sentence the console shows: "answers are not being saved: the disk holding … is full". */
  message: string;
}

/** Whether everything the room sends is being saved (console banner, /healthz). */
export interface StorageStatus {
  ok: boolean;
  problems: StorageProblem[];
}

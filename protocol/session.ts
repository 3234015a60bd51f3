/**
 * The live session as clients see it: slide position, question status, results and
 * each role's view. Only types and pure helpers: the engine computes these, the wiring
 * sends them, the pages render them.
 */
import type { PublicQuestion, Question, QuestionType } from './deck.ts';
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
  /** Indices of the correct options: present only once the quiz is closed AND revealed. */
  correct?: number[];
}

export interface ScaleResults {
  type: 'scale';
  questionId: string;
  responses: number;
  /** One entry per value from min to max; `option` is the value as text ("1", "2", …). */
  options: OptionTally[];
  /** Mean of the answers, rounded to 2 decimals; null before the first answer. */
  average: number | null;
}

/**
 * Moderation of what the audience types (text answers, Q&A questions, word-cloud words).
 * pending: waits for the presenter (the profanity filter flagged it); approved: shown;
 * hidden: taken down by the presenter. Phones and displays only ever get approved entries.
 */
export const ENTRY_STATUSES = ['pending', 'approved', 'hidden'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

interface ModeratedEntry {
  /** What `moderation:set` and `qa:*` events name the entry by. */
  id: string;
  status: EntryStatus;
  /** The profanity filter matched it (it then waits as pending until the presenter decides). */
  flagged: boolean;
}

/** One word of a word cloud; `id` is its normalised form (trimmed, single spaces, lower case). */
/** "  Coffee   Break " and "coffee break" are one word in the cloud: the id a word is counted (and moderated) under. */
export function wordKey(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface WordTally extends ModeratedEntry {
  /** The word as the first phone to send it spelled it. */
  word: string;
  count: number;
}

export interface WordResults {
  type: 'wordcloud';
  questionId: string;
  /** Phones that sent at least one word. */
  responses: number;
  /** Words counted (the approved ones, for phones and displays). */
  total: number;
  /** Most sent first, at most LIMITS.resultEntries. */
  words: WordTally[];
}

/** One open answer; `id` is the answer id the phone made. Plain text: render with textContent. */
export interface TextEntry extends ModeratedEntry {
  text: string;
  answeredAt: number;
}

export interface TextResults {
  type: 'text';
  questionId: string;
  responses: number;
  /** Presenter: waiting ones first, then newest first. Others: approved only, newest first. */
  answers: TextEntry[];
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

export interface QaResults {
  type: 'qa';
  questionId: string;
  /** Phones that asked at least one question. */
  responses: number;
  /** Pinned first, then most votes, then oldest. Phones and displays: approved only. */
  questions: QaEntry[];
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

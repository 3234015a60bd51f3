/**
 * The quiz standings as clients see them: the board on the presenter's console and the
 * projector, and each phone's own score. Only types: the engine works them out.
 */

/** One row of a quiz leaderboard. Names are plain text typed by phones: render with textContent. */
export interface LeaderboardEntry {
  /** Competition ranking: equal points share a rank (1, 2, 2, 4). */
  rank: number;
  /** The phone's nickname, or "Player XXXX" (a tag derived from its id) when it has none. */
  name: string;
  points: number;
  /** How many quiz questions it answered right. */
  rightAnswers: number;
}

/**
 * The quiz standings for the presenter and the projector. Only quiz questions whose answer
 * is out (closed and revealed) count, so the board never gives an answer away.
 */
export interface QuizBoard {
  /** The top 5. */
  leaderboard: LeaderboardEntry[];
  /** The top 3, once every quiz question of the deck is closed and revealed; null before. */
  podium: LeaderboardEntry[] | null;
  /** Phones with at least one answer to a counted quiz question. */
  players: number;
  /** Quiz questions in the deck, and how many of them count so far. */
  quizzes: number;
  settled: number;
}

export type QuizOutcome = 'right' | 'wrong' | 'missed';

/** One phone's own quiz score (counted quiz questions only, like the board). */
export interface PlayerScore {
  points: number;
  /** Its rank among the players, or null while it has no counted answer. */
  rank: number | null;
  players: number;
  /** Right answers in a row up to the latest counted quiz question. */
  streak: number;
  /** The current slide's quiz, once its answer is out: how this phone did. */
  question: { questionId: string; outcome: QuizOutcome; points: number; bonus: number } | null;
  /** The top 3 (as on the board) once every quiz question of the deck counts; null before. */
  podium: LeaderboardEntry[] | null;
}

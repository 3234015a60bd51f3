import type { ErrorCode, RefusalDetail } from '../protocol/errors.ts';
import type { LeaderboardEntry, PlayerScore, QaEntry, QuizOutcome } from '../protocol/session.ts';

/** Something the talk refused (or did not answer): its code, and its particulars when the server gave them. */
export interface Refusal {
  code: ErrorCode | 'no_reply';
  detail?: RefusalDetail;
}

/**
 * Every word the phone shows or announces, in one place, so a translation is one more
 * object of the same shape (audience/locales/). Functions take the parts that come from the talk.
 */
export interface Strings {
  pageTitle: string;
  // joining
  joinHeading: string;
  joinIntro: string;
  joinCodeLabel: string;
  joinCodeHelp: string;
  joinButton: string;
  joining: string;
  joinCodeEmpty: string;
  joinCodeMalformed: (typed: string) => string;
  joinCodeNotFound: (code: string) => string;
  joinRefused: (reason: string) => string;
  // nickname
  nicknameHeading: string;
  nicknameIntro: string;
  nicknameLabel: string;
  nicknameHelp: (max: number) => string;
  nicknameContinue: string;
  nicknameSkip: string;
  nicknameRefused: (reason: string) => string;
  // waiting
  waitingOnScreen: string;
  waitingUntitledSlide: string;
  waitingHint: string;
  // question
  questionHintSingle: string;
  questionHintMultiple: string;
  sendButton: string;
  sendNothingChosen: string;
  statusSending: string;
  statusQueued: string;
  statusReceived: string;
  statusReceivedCanChange: string;
  statusClosed: string;
  /** A word, text answer or Q&A question, received: where it is now (see answer-status.ts). */
  statusEntryShown: string;
  statusEntryHeld: string;
  statusEntryAfterClose: string;
  statusEntryPresenterOnly: string;
  statusEntryHidden: string;
  answerRejected: (reason: string) => string;
  answerClosedBeforeSent: string;
  yourAnswer: string;
  // quiz
  quizHint: string;
  /** The read phase: seconds until the answers open. */
  readLeft: (seconds: number) => string;
  timeLeft: (seconds: number) => string;
  statusLockedIn: string;
  rightAnswer: string;
  scoreHeading: string;
  outcome: (scored: { outcome: QuizOutcome; points: number; bonus: number }) => string;
  scoreTotal: (score: PlayerScore) => string;
  podiumHeading: string;
  podiumEntry: (entry: LeaderboardEntry) => string;
  // typed answers: word cloud, text, Q&A
  wordLabel: string;
  textLabel: string;
  /** Said before sending: a text question keeps one answer per phone. */
  textReplaces: string;
  replaceButton: string;
  qaLabel: string;
  askButton: string;
  characters: (count: number, max: number) => string;
  typeSomething: string;
  wordsLeft: (left: number, max: number) => string;
  yourWords: (words: string[]) => string;
  yourText: (text: string) => string;
  questionsLeft: (left: number) => string;
  qaRoomHeading: string;
  qaAbout: (entry: QaEntry, mine: boolean) => string;
  upvote: string;
  upvoted: string;
  upvoteRefused: (reason: string) => string;
  /**
   * Why, in this language: what joinRefused, nicknameRefused, answerRejected and
   * upvoteRefused are given (the server's own message is English, for its log).
   */
  refusal: (refusal: Refusal) => string;
  // reactions
  reactionsLabel: string;
  reactionsSlow: string;
  // results
  resultsHeading: string;
  resultsResponses: (count: number) => string;
  resultsFigure: (count: number, percent: number) => string;
  resultsTimes: (count: number) => string;
  resultsAverage: (average: number) => string;
  resultsEmpty: string;
  resultsAfterVote: string;
  resultsAfterClose: string;
  resultsPresenterOnly: string;
  // talk ended
  endedHeading: string;
  endedText: (code: string) => string;
  endedJoinOther: string;
  // connection
  offlineBanner: string;
  reconnectingBanner: string;
  // announcements (aria-live)
  announceQuestionOpened: (question: string) => string;
  announceAnswerReceived: string;
  announceLockedIn: string;
  announceTimeRunningOut: (seconds: number) => string;
  announceResultsShown: string;
  announceClosed: string;
  announceOffline: string;
  announceOnline: string;
  announceWaiting: (slideTitle: string) => string;
}

/**
 * The table in use: set once by loadStrings (i18n/load-strings.ts) before the first
 * screen is built. Only that one language is ever fetched.
 */
export let strings: Strings;

export function useStrings(table: Strings): void {
  strings = table;
}

import type { LeaderboardEntry, PlayerScore, QaEntry, QuizOutcome } from '../protocol/session.ts';

/**
 * Every word the phone shows or announces, in one place, so a translation is one more
 * object of the same shape. Functions take the parts that come from the talk.
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
  joinRefused: (message: string) => string;
  // nickname
  nicknameHeading: string;
  nicknameIntro: string;
  nicknameLabel: string;
  nicknameHelp: (max: number) => string;
  nicknameContinue: string;
  nicknameSkip: string;
  nicknameRefused: (message: string) => string;
  nicknameNoReply: string;
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
  statusModerated: string;
  answerRejected: (message: string) => string;
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
  upvoteRefused: (message: string) => string;
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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** The server's messages start in lower case, to follow a colon; alone they need a capital. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

export const en: Strings = {
  pageTitle: 'handsup — join',
  joinHeading: 'Join the talk',
  joinIntro: 'Type the code shown on the screen.',
  joinCodeLabel: 'Code',
  joinCodeHelp: '6 letters, for example KMPQRS',
  joinButton: 'Join',
  joining: 'Joining the talk…',
  joinCodeEmpty: 'Type the code shown on the screen first.',
  joinCodeMalformed: (typed) => `“${typed}” is not a join code: a code is 6 letters. Check the screen and try again.`,
  joinCodeNotFound: (code) => `No talk with the code ${code} is running here. Check the code on the screen and try again.`,
  joinRefused: (message) => `The talk did not let this phone join: ${message}`,
  nicknameHeading: 'Your name for the quiz',
  nicknameIntro: 'This talk has a quiz. Pick a name to show with your score, or skip to stay anonymous.',
  nicknameLabel: 'Nickname',
  nicknameHelp: (max) => `Up to ${max} characters.`,
  nicknameContinue: 'Continue',
  nicknameSkip: 'Skip',
  nicknameRefused: (message) => `${sentence(message)}.`,
  nicknameNoReply: 'No reply from the talk. Try again.',
  waitingOnScreen: 'On the screen now',
  waitingUntitledSlide: 'A slide without a title',
  waitingHint: 'The next question appears here by itself. Keep this page open.',
  questionHintSingle: 'Tap one answer.',
  questionHintMultiple: 'Choose all that apply, then tap Send.',
  sendButton: 'Send',
  sendNothingChosen: 'Choose at least one answer first.',
  statusSending: 'Sending…',
  statusQueued: 'Saved on this phone. It will be sent when you are back online.',
  statusReceived: 'Answer received ✓',
  statusReceivedCanChange: 'Answer received ✓ You can change it while voting is open.',
  statusClosed: 'Voting is closed.',
  statusModerated: 'Received ✓ The presenter will show approved answers.',
  answerRejected: (message) => `Your answer was not accepted: ${message}`,
  answerClosedBeforeSent: 'Voting closed before your answer arrived, so it was not counted.',
  yourAnswer: 'your answer',
  quizHint: 'Tap one answer. You cannot change it.',
  readLeft: (seconds) => `${seconds} s to read`,
  timeLeft: (seconds) => (seconds > 0 ? `${seconds} s left` : 'Time is up'),
  statusLockedIn: 'Your answer is locked in ✓',
  rightAnswer: 'right answer',
  scoreHeading: 'Your score',
  outcome: ({ outcome, points, bonus }) =>
    outcome === 'right' ? `Right! +${points} points${bonus ? ` +${bonus} streak bonus` : ''}` : `${outcome === 'wrong' ? 'Wrong' : 'No answer'}: 0 points`,
  scoreTotal: ({ podium, points, rank, players }) => `${podium ? 'Final score' : 'Total'}: ${plural(points, 'point', 'points')}${rank ? `, rank ${rank} of ${players}` : ''}`,
  podiumHeading: 'Podium',
  podiumEntry: ({ rank, name, points }) => `${rank}. ${name}: ${plural(points, 'point', 'points')}`,
  wordLabel: 'Your word',
  textLabel: 'Your answer',
  qaLabel: 'Your question',
  askButton: 'Ask',
  characters: (count, max) => `${count} of ${max} characters`,
  typeSomething: 'Type something first.',
  wordsLeft: (left, max) => (left > 0 ? `${plural(left, 'word', 'words')} left of ${max}` : `You have sent all ${max}.`),
  yourWords: (words) => `Yours: ${words.join(', ')}`,
  yourText: (text) => `Yours: ${text}`,
  questionsLeft: (left) => (left > 0 ? `You can ask ${left} more.` : 'You have asked all you can.'),
  qaRoomHeading: 'Questions from the room',
  qaAbout: (entry, mine) =>
    [plural(entry.votes, 'vote', 'votes'), entry.pinned && 'on screen now', entry.answered && 'answered', mine && 'your question'].filter(Boolean).join(' · '),
  upvote: 'Upvote',
  upvoted: 'Upvoted ✓',
  upvoteRefused: (message) => `Your upvote did not count: ${message}`,
  reactionsLabel: 'React',
  reactionsSlow: 'Slow down a moment…',
  resultsHeading: 'Results',
  resultsResponses: (count) => plural(count, 'response', 'responses'),
  resultsFigure: (count, percent) => `${plural(count, 'vote', 'votes')}, ${percent}%`,
  resultsTimes: (count) => `×${count}`,
  resultsAverage: (average) => `Average: ${average}`,
  resultsEmpty: 'Nothing to show yet.',
  resultsAfterVote: 'Results appear here once you have answered.',
  resultsAfterClose: 'Results appear here when voting closes.',
  resultsPresenterOnly: 'The presenter will talk through the results.',
  endedHeading: 'This talk is no longer running',
  endedText: (code) => `The talk with the code ${code} has ended or moved. Ask for the new code if there is one.`,
  endedJoinOther: 'Join with another code',
  offlineBanner: 'You are offline. Answers are kept and sent when you are back.',
  reconnectingBanner: 'Reconnecting…',
  announceQuestionOpened: (question) => `New question: ${question}`,
  announceAnswerReceived: 'Answer received.',
  announceLockedIn: 'Your answer is locked in.',
  announceTimeRunningOut: (seconds) => `${plural(seconds, 'second', 'seconds')} left.`,
  announceResultsShown: 'Results are shown.',
  announceClosed: 'Voting is closed.',
  announceOffline: 'You are offline.',
  announceOnline: 'Back online.',
  announceWaiting: (slideTitle) => `Waiting for the next question. On the screen: ${slideTitle}`,
};

/** The strings in use. A translation would be picked here (e.g. from navigator.language). */
export const strings: Strings = en;

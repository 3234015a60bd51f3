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
  statusNotOpenYet: string;
  answerRejected: (message: string) => string;
  answerClosedBeforeSent: string;
  unsupportedType: (type: string) => string;
  yourAnswer: string;
  // results
  resultsHeading: string;
  resultsResponses: (count: number) => string;
  resultsFigure: (count: number, percent: number) => string;
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
  announceResultsShown: string;
  announceClosed: string;
  announceOffline: string;
  announceOnline: string;
  announceWaiting: (slideTitle: string) => string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

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
  statusNotOpenYet: 'This question is not open yet.',
  answerRejected: (message) => `Your answer was not accepted: ${message}`,
  answerClosedBeforeSent: 'Voting closed before your answer arrived, so it was not counted.',
  unsupportedType: (type) => `This question type (${type}) is not supported by this server yet. Watch the screen instead.`,
  yourAnswer: 'your answer',
  resultsHeading: 'Results',
  resultsResponses: (count) => plural(count, 'response', 'responses'),
  resultsFigure: (count, percent) => `${plural(count, 'vote', 'votes')}, ${percent}%`,
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
  announceResultsShown: 'Results are shown.',
  announceClosed: 'Voting is closed.',
  announceOffline: 'You are offline.',
  announceOnline: 'Back online.',
  announceWaiting: (slideTitle) => `Waiting for the next question. On the screen: ${slideTitle}`,
};

/** The strings in use. A translation would be picked here (e.g. from navigator.language). */
export const strings: Strings = en;

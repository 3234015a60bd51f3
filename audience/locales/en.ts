import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** English: the reference every other table is checked against (tests/unit/audience-locales.test.ts). */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# point', other: '# points' });
  const votes = (count: number) => f.plural(count, { one: '# vote', other: '# votes' });
  return {
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
    nicknameIntro: 'Pick a name to show with your score, or skip: the scoreboard then calls you “Player” with a short tag.',
    nicknameLabel: 'Nickname',
    nicknameHelp: (max) => `Up to ${f.number(max)} characters.`,
    nicknameContinue: 'Save',
    nicknameSkip: 'Skip',
    // The server's messages start in lower case, to follow a colon; alone they need a capital.
    nicknameRefused: (message) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`,
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
    statusEntryShown: 'Received ✓ It is in the list below.',
    statusEntryHeld: 'Received ✓ It is held back until the presenter approves it.',
    statusEntryAfterClose: 'Received ✓ Answers are shown when voting closes.',
    statusEntryPresenterOnly: 'Received ✓ Only the presenter sees the answers.',
    statusEntryHidden: 'Received ✓ The presenter has hidden the answers for now.',
    answerRejected: (message) => `Your answer was not accepted: ${message}`,
    answerClosedBeforeSent: 'Voting closed before your answer arrived, so it was not counted.',
    yourAnswer: 'your answer',
    quizHint: 'Tap one answer. You cannot change it.',
    readLeft: (seconds) => `${f.number(seconds)} s to read`,
    timeLeft: (seconds) => (seconds > 0 ? `${f.number(seconds)} s left` : 'Time is up'),
    statusLockedIn: 'Your answer is locked in ✓',
    rightAnswer: 'right answer',
    scoreHeading: 'Your score',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Right! +${points(won)}${bonus ? ` +${f.number(bonus)} streak bonus` : ''}`
        : `${outcome === 'wrong' ? 'Wrong' : 'No answer'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Final score' : 'Total'}: ${points(total)}${rank ? `, rank ${f.number(rank)} of ${f.number(players)}` : ''}`,
    podiumHeading: 'Podium',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Your word',
    textLabel: 'Your answer',
    textReplaces: 'One answer each: sending another replaces yours.',
    replaceButton: 'Replace',
    qaLabel: 'Your question',
    askButton: 'Ask',
    characters: (count, max) => `${f.number(count)} of ${f.number(max)} characters`,
    typeSomething: 'Type something first.',
    wordsLeft: (left, max) =>
      left > 0 ? `${f.plural(left, { one: '# word', other: '# words' })} left of ${f.number(max)}` : `You have sent all ${f.number(max)}.`,
    yourWords: (words) => `Yours: ${words.join(', ')}`,
    yourText: (text) => `Yours: ${text}`,
    questionsLeft: (left) => (left > 0 ? `You can ask ${f.number(left)} more.` : 'You have asked all you can.'),
    qaRoomHeading: 'Questions from the room',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'on screen now', entry.answered && 'answered', mine && 'your question'].filter(Boolean).join(' · '),
    upvote: 'Upvote',
    upvoted: 'Upvoted ✓',
    upvoteRefused: (message) => `Your upvote did not count: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `answers open in ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `the most is ${f.plural(detail.max, { one: '# character', other: '# characters' })}`;
        case 'answer_limit':
          return `you have sent all ${f.number(detail.most)}`;
        case 'already_sent':
          return `you already sent “${detail.text}”`;
        case 'nickname_taken':
          return `the name is taken — try “${detail.suggestion}”`;
        case 'nickname_held':
          return 'the name would be held back from the screen — pick another';
        case 'own_question':
          return 'it is your own question';
      }
      return {
        bad_request: 'the talk could not read it',
        forbidden: 'this phone may not do that',
        not_found: 'it is no longer in the talk',
        closed: 'it is closed',
        too_early: 'answers are not open yet',
        rate_limited: 'too much at once — try again in a moment',
        too_large: 'it is too long',
        conflict: 'it was sent already',
        unavailable: 'it could not be saved — try again in a moment',
        internal: 'server error — try again',
        no_reply: 'no reply from the talk — try again',
      }[code];
    },
    reactionsLabel: 'React',
    reactionsSlow: 'Slow down a moment…',
    resultsHeading: 'Results',
    resultsResponses: (count) => f.plural(count, { one: '# response', other: '# responses' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Average: ${f.number(average)}`,
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
    announceTimeRunningOut: (seconds) => `${f.plural(seconds, { one: '# second', other: '# seconds' })} left.`,
    announceResultsShown: 'Results are shown.',
    announceClosed: 'Voting is closed.',
    announceOffline: 'You are offline.',
    announceOnline: 'Back online.',
    announceWaiting: (slideTitle) => `Waiting for the next question. On the screen: ${slideTitle}`,
  };
};

import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** German. */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# Punkt', other: '# Punkte' });
  const votes = (count: number) => f.plural(count, { one: '# Stimme', other: '# Stimmen' });
  return {
    pageTitle: 'handsup – teilnehmen',
    joinHeading: 'Am Vortrag teilnehmen',
    joinIntro: 'Geben Sie den Code ein, der auf der Leinwand steht.',
    joinCodeLabel: 'Zugangscode',
    joinCodeHelp: '6 Buchstaben, zum Beispiel KMPQRS',
    joinButton: 'Teilnehmen',
    joining: 'Verbindung zum Vortrag …',
    joinCodeEmpty: 'Geben Sie zuerst den Code von der Leinwand ein.',
    joinCodeMalformed: (typed) => `„${typed}“ ist kein Zugangscode: Ein Code hat 6 Buchstaben. Bitte prüfen Sie die Leinwand und versuchen Sie es erneut.`,
    joinCodeNotFound: (code) => `Hier läuft kein Vortrag mit dem Code ${code}. Bitte prüfen Sie den Code auf der Leinwand und versuchen Sie es erneut.`,
    joinRefused: (message) => `Der Vortrag hat dieses Telefon nicht zugelassen: ${message}`,
    nicknameHeading: 'Ihr Name für das Quiz',
    nicknameIntro: 'Wählen Sie einen Namen, der bei Ihren Punkten steht, oder überspringen Sie das: Die Bestenliste nennt Sie dann „Player“ mit einem kurzen Kürzel.',
    nicknameLabel: 'Spitzname',
    nicknameHelp: (max) => `Höchstens ${f.number(max)} Zeichen.`,
    nicknameContinue: 'Speichern',
    nicknameSkip: 'Überspringen',
    nicknameRefused: (message) => `Dieser Name geht leider nicht: ${message}`,
    waitingOnScreen: 'Gerade auf der Leinwand',
    waitingUntitledSlide: 'Eine Folie ohne Titel',
    waitingHint: 'Die nächste Frage erscheint hier von selbst. Lassen Sie diese Seite einfach offen.',
    questionHintSingle: 'Tippen Sie auf eine Antwort.',
    questionHintMultiple: 'Wählen Sie alle passenden Antworten und tippen Sie dann auf Senden.',
    sendButton: 'Senden',
    sendNothingChosen: 'Wählen Sie zuerst mindestens eine Antwort.',
    statusSending: 'Wird gesendet …',
    statusQueued: 'Auf diesem Telefon gespeichert. Sie wird gesendet, sobald Sie wieder online sind.',
    statusReceived: 'Antwort angekommen ✓',
    statusReceivedCanChange: 'Antwort angekommen ✓ Solange die Abstimmung läuft, können Sie sie ändern.',
    statusClosed: 'Die Abstimmung ist beendet.',
    statusEntryShown: 'Angekommen ✓ Sie steht in der Liste unten.',
    statusEntryHeld: 'Angekommen ✓ Sie wird erst gezeigt, wenn die vortragende Person sie freigibt.',
    statusEntryAfterClose: 'Angekommen ✓ Die Antworten werden gezeigt, wenn die Abstimmung endet.',
    statusEntryPresenterOnly: 'Angekommen ✓ Nur die vortragende Person sieht die Antworten.',
    statusEntryHidden: 'Angekommen ✓ Die vortragende Person hat die Antworten vorerst ausgeblendet.',
    answerRejected: (message) => `Ihre Antwort wurde nicht angenommen: ${message}`,
    answerClosedBeforeSent: 'Die Abstimmung war schon beendet, als Ihre Antwort ankam. Sie wurde nicht gezählt.',
    yourAnswer: 'Ihre Antwort',
    quizHint: 'Tippen Sie auf eine Antwort. Ändern geht danach nicht mehr.',
    readLeft: (seconds) => `${f.number(seconds)} s zum Lesen`,
    timeLeft: (seconds) => (seconds > 0 ? `noch ${f.number(seconds)} s` : 'Die Zeit ist um'),
    statusLockedIn: 'Ihre Antwort ist abgegeben ✓',
    rightAnswer: 'richtige Antwort',
    scoreHeading: 'Ihre Punkte',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Richtig! +${points(won)}${bonus ? ` +${f.number(bonus)} Serienbonus` : ''}`
        : `${outcome === 'wrong' ? 'Falsch' : 'Keine Antwort'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Endstand' : 'Gesamt'}: ${points(total)}${rank ? `, Platz ${f.number(rank)} von ${f.number(players)}` : ''}`,
    podiumHeading: 'Siegertreppchen',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Ihr Wort',
    textLabel: 'Ihre Antwort',
    textReplaces: 'Eine Antwort pro Person: Eine neue ersetzt Ihre bisherige.',
    replaceButton: 'Ersetzen',
    qaLabel: 'Ihre Frage',
    askButton: 'Fragen',
    characters: (count, max) => `${f.number(count)} von ${f.number(max)} Zeichen`,
    typeSomething: 'Schreiben Sie zuerst etwas.',
    wordsLeft: (left, max) =>
      left > 0 ? `Noch ${f.plural(left, { one: '# Wort', other: '# Wörter' })} von ${f.number(max)}` : `Sie haben alle ${f.number(max)} gesendet.`,
    yourWords: (words) => `Ihre: ${words.join(', ')}`,
    yourText: (text) => `Ihre: ${text}`,
    questionsLeft: (left) =>
      left > 0 ? `Sie können noch ${f.plural(left, { one: 'eine Frage', other: '# Fragen' })} stellen.` : 'Sie haben alle Fragen gestellt, die möglich sind.',
    qaRoomHeading: 'Fragen aus dem Publikum',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'gerade auf der Leinwand', entry.answered && 'beantwortet', mine && 'Ihre Frage'].filter(Boolean).join(' · '),
    upvote: 'Unterstützen',
    upvoted: 'Unterstützt ✓',
    upvoteRefused: (message) => `Ihre Stimme wurde nicht gezählt: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `Antworten sind in ${f.number(detail.seconds)} s möglich`;
        case 'too_long':
          return `höchstens ${f.number(detail.max)} Zeichen`;
        case 'answer_limit':
          return `Sie haben schon alle ${f.number(detail.most)} gesendet`;
        case 'already_sent':
          return `„${detail.text}“ haben Sie schon gesendet`;
        case 'nickname_taken':
          return `er ist vergeben – versuchen Sie „${detail.suggestion}“`;
        case 'nickname_held':
          return 'er würde von der Leinwand zurückgehalten – bitte einen anderen wählen';
        case 'own_question':
          return 'es ist Ihre eigene Frage';
      }
      return {
        bad_request: 'der Vortrag konnte sie nicht lesen',
        forbidden: 'das darf dieses Telefon nicht',
        not_found: 'das gibt es nicht mehr',
        closed: 'die Abstimmung ist beendet',
        too_early: 'die Antworten sind noch nicht offen',
        rate_limited: 'zu viel auf einmal – gleich noch einmal versuchen',
        too_large: 'das ist zu lang',
        conflict: 'das wurde schon gesendet',
        unavailable: 'gerade nicht speicherbar – gleich noch einmal versuchen',
        internal: 'Serverfehler – bitte erneut versuchen',
        no_reply: 'keine Antwort vom Vortrag – bitte erneut versuchen',
      }[code];
    },
    reactionsLabel: 'Reagieren',
    reactionsSlow: 'Einen Moment langsamer …',
    resultsHeading: 'Ergebnisse',
    resultsResponses: (count) => f.plural(count, { one: '# Antwort', other: '# Antworten' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Durchschnitt: ${f.number(average)}`,
    resultsEmpty: 'Noch nichts zu sehen.',
    resultsAfterVote: 'Die Ergebnisse erscheinen hier, sobald Sie geantwortet haben.',
    resultsAfterClose: 'Die Ergebnisse erscheinen hier, wenn die Abstimmung endet.',
    resultsPresenterOnly: 'Die vortragende Person bespricht die Ergebnisse.',
    endedHeading: 'Dieser Vortrag läuft nicht mehr',
    endedText: (code) => `Der Vortrag mit dem Code ${code} ist beendet oder umgezogen. Fragen Sie nach dem neuen Code, falls es einen gibt.`,
    endedJoinOther: 'Mit einem anderen Code teilnehmen',
    offlineBanner: 'Sie sind offline. Antworten werden aufbewahrt und gesendet, sobald Sie wieder verbunden sind.',
    reconnectingBanner: 'Verbindung wird wiederhergestellt …',
    announceQuestionOpened: (question) => `Neue Frage: ${question}`,
    announceAnswerReceived: 'Antwort angekommen.',
    announceLockedIn: 'Ihre Antwort ist abgegeben.',
    announceTimeRunningOut: (seconds) => `Noch ${f.plural(seconds, { one: 'eine Sekunde', other: '# Sekunden' })}.`,
    announceResultsShown: 'Die Ergebnisse werden gezeigt.',
    announceClosed: 'Die Abstimmung ist beendet.',
    announceOffline: 'Sie sind offline.',
    announceOnline: 'Wieder online.',
    announceWaiting: (slideTitle) => `Warten auf die nächste Frage. Auf der Leinwand: ${slideTitle}`,
  };
};

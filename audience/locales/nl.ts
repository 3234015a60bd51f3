import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** Dutch. */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# punt', other: '# punten' });
  const votes = (count: number) => f.plural(count, { one: '# stem', other: '# stemmen' });
  return {
    pageTitle: 'handsup — meedoen',
    joinHeading: 'Doe mee met de presentatie',
    joinIntro: 'Typ de code die op het scherm staat.',
    joinCodeLabel: 'Toegangscode',
    joinCodeHelp: '6 letters, bijvoorbeeld KMPQRS',
    joinButton: 'Meedoen',
    joining: 'Verbinden met de presentatie…',
    joinCodeEmpty: 'Typ eerst de code die op het scherm staat.',
    joinCodeMalformed: (typed) => `‘${typed}’ is geen geldige code: een code heeft 6 letters. Kijk nog eens op het scherm en probeer het opnieuw.`,
    joinCodeNotFound: (code) => `Hier loopt geen presentatie met de code ${code}. Controleer de code op het scherm en probeer het opnieuw.`,
    joinRefused: (message) => `De presentatie liet deze telefoon niet toe: ${message}`,
    nicknameHeading: 'Je naam voor de quiz',
    nicknameIntro: 'Kies een naam die bij je score staat, of sla dit over: op het scorebord heet je dan ‘Player’ met een korte code.',
    nicknameLabel: 'Bijnaam',
    nicknameHelp: (max) => `Hoogstens ${f.number(max)} tekens.`,
    nicknameContinue: 'Opslaan',
    nicknameSkip: 'Overslaan',
    nicknameRefused: (message) => `Deze naam kan niet: ${message}`,
    waitingOnScreen: 'Nu op het scherm',
    waitingUntitledSlide: 'Een dia zonder titel',
    waitingHint: 'De volgende vraag verschijnt hier vanzelf. Laat deze pagina openstaan.',
    questionHintSingle: 'Tik op een antwoord.',
    questionHintMultiple: 'Kies alles wat van toepassing is en tik dan op Versturen.',
    sendButton: 'Versturen',
    sendNothingChosen: 'Kies eerst minstens één antwoord.',
    statusSending: 'Bezig met versturen…',
    statusQueued: 'Bewaard op deze telefoon. Het wordt verstuurd zodra je weer online bent.',
    statusReceived: 'Antwoord ontvangen ✓',
    statusReceivedCanChange: 'Antwoord ontvangen ✓ Je kunt het wijzigen zolang de stemming open is.',
    statusClosed: 'De stemming is gesloten.',
    statusEntryShown: 'Ontvangen ✓ Het staat in de lijst hieronder.',
    statusEntryHeld: 'Ontvangen ✓ Het wordt pas getoond als de presentator het goedkeurt.',
    statusEntryAfterClose: 'Ontvangen ✓ De antwoorden worden getoond als de stemming sluit.',
    statusEntryPresenterOnly: 'Ontvangen ✓ Alleen de presentator ziet de antwoorden.',
    statusEntryHidden: 'Ontvangen ✓ De presentator heeft de antwoorden voorlopig verborgen.',
    answerRejected: (message) => `Je antwoord is niet geaccepteerd: ${message}`,
    answerClosedBeforeSent: 'De stemming was al gesloten toen je antwoord aankwam, dus het is niet meegeteld.',
    yourAnswer: 'jouw antwoord',
    quizHint: 'Tik op een antwoord. Je kunt het daarna niet meer wijzigen.',
    readLeft: (seconds) => `${f.number(seconds)} s om te lezen`,
    timeLeft: (seconds) => (seconds > 0 ? `nog ${f.number(seconds)} s` : 'De tijd is om'),
    statusLockedIn: 'Je antwoord staat vast ✓',
    rightAnswer: 'goede antwoord',
    scoreHeading: 'Je score',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Goed! +${points(won)}${bonus ? ` +${f.number(bonus)} reeksbonus` : ''}`
        : `${outcome === 'wrong' ? 'Fout' : 'Geen antwoord'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Eindscore' : 'Totaal'}: ${points(total)}${rank ? `, plaats ${f.number(rank)} van ${f.number(players)}` : ''}`,
    podiumHeading: 'Erepodium',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Je woord',
    textLabel: 'Je antwoord',
    textReplaces: 'Eén antwoord per persoon: een nieuw antwoord vervangt je vorige.',
    replaceButton: 'Vervangen',
    qaLabel: 'Je vraag',
    askButton: 'Stellen',
    characters: (count, max) => `${f.number(count)} van ${f.number(max)} tekens`,
    typeSomething: 'Typ eerst iets.',
    wordsLeft: (left, max) =>
      left > 0 ? `Nog ${f.plural(left, { one: '# woord', other: '# woorden' })} van de ${f.number(max)}` : `Je hebt ze alle ${f.number(max)} verstuurd.`,
    yourWords: (words) => `Van jou: ${words.join(', ')}`,
    yourText: (text) => `Van jou: ${text}`,
    questionsLeft: (left) =>
      left > 0 ? f.plural(left, { one: 'Je kunt nog # vraag stellen.', other: 'Je kunt nog # vragen stellen.' }) : 'Je hebt alle vragen gesteld die kunnen.',
    qaRoomHeading: 'Vragen uit de zaal',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'nu op het scherm', entry.answered && 'beantwoord', mine && 'jouw vraag'].filter(Boolean).join(' · '),
    upvote: 'Steunen',
    upvoted: 'Gesteund ✓',
    upvoteRefused: (message) => `Je stem telde niet mee: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `antwoorden kan over ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `hoogstens ${f.plural(detail.max, { one: '# teken', other: '# tekens' })}`;
        case 'answer_limit':
          return `je hebt ze alle ${f.number(detail.most)} al verstuurd`;
        case 'already_sent':
          return `je hebt “${detail.text}” al verstuurd`;
        case 'nickname_taken':
          return `die is al bezet — probeer “${detail.suggestion}”`;
        case 'nickname_held':
          return 'die zou van het scherm worden gehouden — kies een andere';
        case 'own_question':
          return 'het is je eigen vraag';
      }
      return {
        bad_request: 'de presentatie kon het niet lezen',
        forbidden: 'deze telefoon mag dat niet',
        not_found: 'het staat niet meer in de presentatie',
        closed: 'de stemming is gesloten',
        too_early: 'antwoorden kan nog niet',
        rate_limited: 'te veel tegelijk — probeer het zo opnieuw',
        too_large: 'het is te lang',
        conflict: 'het was al verstuurd',
        unavailable: 'het kon nu niet worden bewaard — probeer het zo opnieuw',
        internal: 'serverfout — probeer het opnieuw',
        no_reply: 'geen antwoord van de presentatie — probeer het opnieuw',
      }[code];
    },
    reactionsLabel: 'Reageren',
    reactionsSlow: 'Even rustig aan…',
    resultsHeading: 'Resultaten',
    resultsResponses: (count) => f.plural(count, { one: '# reactie', other: '# reacties' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Gemiddeld: ${f.number(average)}`,
    resultsEmpty: 'Nog niets te zien.',
    resultsAfterVote: 'De resultaten verschijnen hier zodra je hebt geantwoord.',
    resultsAfterClose: 'De resultaten verschijnen hier als de stemming sluit.',
    resultsPresenterOnly: 'De presentator bespreekt de resultaten.',
    endedHeading: 'Deze presentatie loopt niet meer',
    endedText: (code) => `De presentatie met de code ${code} is afgelopen of verhuisd. Vraag naar de nieuwe code als die er is.`,
    endedJoinOther: 'Meedoen met een andere code',
    offlineBanner: 'Je bent offline. Antwoorden worden bewaard en verstuurd zodra je terug bent.',
    reconnectingBanner: 'Opnieuw verbinden…',
    announceQuestionOpened: (question) => `Nieuwe vraag: ${question}`,
    announceAnswerReceived: 'Antwoord ontvangen.',
    announceLockedIn: 'Je antwoord staat vast.',
    announceTimeRunningOut: (seconds) => `Nog ${f.plural(seconds, { one: '# seconde', other: '# seconden' })}.`,
    announceResultsShown: 'De resultaten worden getoond.',
    announceClosed: 'De stemming is gesloten.',
    announceOffline: 'Je bent offline.',
    announceOnline: 'Weer online.',
    announceWaiting: (slideTitle) => `Wachten op de volgende vraag. Op het scherm: ${slideTitle}`,
  };
};

import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** Italian. */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# punto', other: '# punti' });
  const votes = (count: number) => f.plural(count, { one: '# voto', other: '# voti' });
  return {
    pageTitle: 'handsup — partecipa',
    joinHeading: 'Partecipa all’intervento',
    joinIntro: 'Inserisci il codice che vedi sullo schermo.',
    joinCodeLabel: 'Codice',
    joinCodeHelp: '6 lettere, per esempio KMPQRS',
    joinButton: 'Partecipa',
    joining: 'Collegamento all’intervento…',
    joinCodeEmpty: 'Prima inserisci il codice che vedi sullo schermo.',
    joinCodeMalformed: (typed) => `“${typed}” non è un codice valido: il codice è di 6 lettere. Controlla lo schermo e riprova.`,
    joinCodeNotFound: (code) => `Qui non c’è nessun intervento in corso con il codice ${code}. Controlla il codice sullo schermo e riprova.`,
    joinRefused: (message) => `L’intervento non ha accettato questo telefono: ${message}`,
    nicknameHeading: 'Il tuo nome per il quiz',
    nicknameIntro: 'Scegli un nome da mostrare accanto al tuo punteggio, oppure salta: in classifica comparirai come “Player” con una breve sigla.',
    nicknameLabel: 'Soprannome',
    nicknameHelp: (max) => `Al massimo ${f.number(max)} caratteri.`,
    nicknameContinue: 'Salva',
    nicknameSkip: 'Salta',
    nicknameRefused: (message) => `Questo nome non si può usare: ${message}`,
    waitingOnScreen: 'Ora sullo schermo',
    waitingUntitledSlide: 'Una slide senza titolo',
    waitingHint: 'La prossima domanda comparirà qui da sola. Tieni aperta questa pagina.',
    questionHintSingle: 'Tocca una risposta.',
    questionHintMultiple: 'Scegli tutte quelle che valgono, poi tocca Invia.',
    sendButton: 'Invia',
    sendNothingChosen: 'Prima scegli almeno una risposta.',
    statusSending: 'Invio in corso…',
    statusQueued: 'Salvata su questo telefono. Verrà inviata appena torni online.',
    statusReceived: 'Risposta ricevuta ✓',
    statusReceivedCanChange: 'Risposta ricevuta ✓ Puoi cambiarla finché la votazione è aperta.',
    statusClosed: 'La votazione è chiusa.',
    statusEntryShown: 'Ricevuta ✓ È già nell’elenco qui sotto.',
    statusEntryHeld: 'Ricevuta ✓ Resta in attesa finché chi presenta non la approva.',
    statusEntryAfterClose: 'Ricevuta ✓ Le risposte verranno mostrate alla chiusura della votazione.',
    statusEntryPresenterOnly: 'Ricevuta ✓ Solo chi presenta vede le risposte.',
    statusEntryHidden: 'Ricevuta ✓ Chi presenta ha nascosto le risposte per ora.',
    answerRejected: (message) => `La tua risposta non è stata accettata: ${message}`,
    answerClosedBeforeSent: 'La votazione si è chiusa prima che arrivasse la tua risposta, quindi non è stata conteggiata.',
    yourAnswer: 'la tua risposta',
    quizHint: 'Tocca una risposta. Non potrai cambiarla.',
    readLeft: (seconds) => `${f.number(seconds)} s per leggere`,
    timeLeft: (seconds) => (seconds > 0 ? `ancora ${f.number(seconds)} s` : 'Tempo scaduto'),
    statusLockedIn: 'La tua risposta è registrata ✓',
    rightAnswer: 'risposta giusta',
    scoreHeading: 'Il tuo punteggio',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Esatto! +${points(won)}${bonus ? ` +${f.number(bonus)} di bonus serie` : ''}`
        : `${outcome === 'wrong' ? 'Sbagliato' : 'Nessuna risposta'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Punteggio finale' : 'Totale'}: ${points(total)}${rank ? `, ${f.number(rank)}º posto su ${f.number(players)}` : ''}`,
    podiumHeading: 'Il podio',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'La tua parola',
    textLabel: 'La tua risposta',
    textReplaces: 'Una risposta a testa: se ne invii un’altra, sostituisce quella di prima.',
    replaceButton: 'Sostituisci',
    qaLabel: 'La tua domanda',
    askButton: 'Chiedi',
    characters: (count, max) => `${f.number(count)} di ${f.number(max)} caratteri`,
    typeSomething: 'Prima scrivi qualcosa.',
    wordsLeft: (left, max) =>
      left > 0 ? `${f.plural(left, { one: 'Ti resta # parola', other: 'Ti restano # parole' })} su ${f.number(max)}` : `Le hai inviate tutte e ${f.number(max)}.`,
    yourWords: (words) => `Le tue: ${words.join(', ')}`,
    yourText: (text) => `La tua: ${text}`,
    questionsLeft: (left) =>
      left > 0 ? f.plural(left, { one: 'Puoi fare ancora # domanda.', other: 'Puoi fare ancora # domande.' }) : 'Hai fatto tutte le domande possibili.',
    qaRoomHeading: 'Domande dal pubblico',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'ora sullo schermo', entry.answered && 'con risposta', mine && 'la tua domanda'].filter(Boolean).join(' · '),
    upvote: 'Sostieni',
    upvoted: 'Sostenuta ✓',
    upvoteRefused: (message) => `Il tuo voto non è stato conteggiato: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `le risposte si aprono tra ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `al massimo ${f.plural(detail.max, { one: '# carattere', other: '# caratteri' })}`;
        case 'answer_limit':
          return `hai già inviato tutte le ${f.number(detail.most)}`;
        case 'already_sent':
          return `hai già inviato «${detail.text}»`;
        case 'nickname_taken':
          return `è già preso — prova «${detail.suggestion}»`;
        case 'nickname_held':
          return 'verrebbe trattenuto dallo schermo — scegline un altro';
        case 'own_question':
          return 'è la tua domanda';
      }
      return {
        bad_request: 'l’intervento non è riuscito a leggerlo',
        forbidden: 'questo telefono non può farlo',
        not_found: 'non c’è più nell’intervento',
        closed: 'la votazione è chiusa',
        too_early: 'le risposte non sono ancora aperte',
        rate_limited: 'troppo in una volta — riprova tra poco',
        too_large: 'è troppo lungo',
        conflict: 'è già stato inviato',
        unavailable: 'non è stato possibile salvarlo ora — riprova tra poco',
        internal: 'errore del server — riprova',
        no_reply: 'nessuna risposta dall’intervento — riprova',
      }[code];
    },
    reactionsLabel: 'Reagisci',
    reactionsSlow: 'Piano, aspetta un attimo…',
    resultsHeading: 'Risultati',
    resultsResponses: (count) => f.plural(count, { one: '# risposta', other: '# risposte' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Media: ${f.number(average)}`,
    resultsEmpty: 'Ancora niente da mostrare.',
    resultsAfterVote: 'I risultati compaiono qui appena hai risposto.',
    resultsAfterClose: 'I risultati compaiono qui alla chiusura della votazione.',
    resultsPresenterOnly: 'Chi presenta commenterà i risultati.',
    endedHeading: 'Questo intervento non è più in corso',
    endedText: (code) => `L’intervento con il codice ${code} è finito o si è spostato. Chiedi il nuovo codice, se c’è.`,
    endedJoinOther: 'Partecipa con un altro codice',
    offlineBanner: 'Sei offline. Le risposte vengono conservate e inviate appena torni online.',
    reconnectingBanner: 'Riconnessione…',
    announceQuestionOpened: (question) => `Nuova domanda: ${question}`,
    announceAnswerReceived: 'Risposta ricevuta.',
    announceLockedIn: 'La tua risposta è registrata.',
    announceTimeRunningOut: (seconds) => `${f.plural(seconds, { one: 'Manca # secondo', other: 'Mancano # secondi' })}.`,
    announceResultsShown: 'I risultati sono visibili.',
    announceClosed: 'La votazione è chiusa.',
    announceOffline: 'Sei offline.',
    announceOnline: 'Di nuovo online.',
    announceWaiting: (slideTitle) => `In attesa della prossima domanda. Sullo schermo: ${slideTitle}`,
  };
};

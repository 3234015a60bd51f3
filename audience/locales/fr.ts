import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** French. The spaces French typography puts before « : ! » and inside « » are no-break spaces (U+00A0). */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# point', other: '# points' });
  const votes = (count: number) => f.plural(count, { one: '# vote', other: '# votes' });
  return {
    pageTitle: 'handsup — rejoindre',
    joinHeading: 'Rejoindre la présentation',
    joinIntro: 'Saisissez le code affiché à l’écran.',
    joinCodeLabel: 'Code d’accès',
    joinCodeHelp: '6 lettres, par exemple KMPQRS',
    joinButton: 'Rejoindre',
    joining: 'Connexion à la présentation…',
    joinCodeEmpty: 'Saisissez d’abord le code affiché à l’écran.',
    joinCodeMalformed: (typed) => `« ${typed} » n’est pas un code valable : un code compte 6 lettres. Vérifiez l’écran et réessayez.`,
    joinCodeNotFound: (code) => `Aucune présentation avec le code ${code} n’est en cours ici. Vérifiez le code à l’écran et réessayez.`,
    joinRefused: (message) => `La présentation n’a pas accepté ce téléphone : ${message}`,
    nicknameHeading: 'Votre nom pour le quiz',
    nicknameIntro: 'Choisissez un nom à afficher avec votre score, ou passez : le classement vous appellera alors « Player » suivi d’un court identifiant.',
    nicknameLabel: 'Pseudo',
    nicknameHelp: (max) => `${f.number(max)} caractères au maximum.`,
    nicknameContinue: 'Enregistrer',
    nicknameSkip: 'Passer',
    nicknameRefused: (message) => `Ce nom ne peut pas être utilisé : ${message}`,
    waitingOnScreen: 'En ce moment à l’écran',
    waitingUntitledSlide: 'Une diapositive sans titre',
    waitingHint: 'La prochaine question s’affichera ici d’elle-même. Gardez cette page ouverte.',
    questionHintSingle: 'Touchez une réponse.',
    questionHintMultiple: 'Cochez toutes les réponses qui conviennent, puis touchez Envoyer.',
    sendButton: 'Envoyer',
    sendNothingChosen: 'Choisissez d’abord au moins une réponse.',
    statusSending: 'Envoi en cours…',
    statusQueued: 'Enregistrée sur ce téléphone. Elle sera envoyée dès que vous serez de nouveau en ligne.',
    statusReceived: 'Réponse reçue ✓',
    statusReceivedCanChange: 'Réponse reçue ✓ Vous pouvez la modifier tant que le vote est ouvert.',
    statusClosed: 'Le vote est clos.',
    statusEntryShown: 'Reçue ✓ Elle figure dans la liste ci-dessous.',
    statusEntryHeld: 'Reçue ✓ Elle reste en attente jusqu’à ce que la personne qui présente l’approuve.',
    statusEntryAfterClose: 'Reçue ✓ Les réponses s’afficheront à la clôture du vote.',
    statusEntryPresenterOnly: 'Reçue ✓ Seule la personne qui présente voit les réponses.',
    statusEntryHidden: 'Reçue ✓ La personne qui présente a masqué les réponses pour le moment.',
    answerRejected: (message) => `Votre réponse n’a pas été acceptée : ${message}`,
    answerClosedBeforeSent: 'Le vote était clos quand votre réponse est arrivée : elle n’a pas été comptée.',
    yourAnswer: 'votre réponse',
    quizHint: 'Touchez une réponse. Vous ne pourrez plus la changer.',
    readLeft: (seconds) => `${f.number(seconds)} s pour lire`,
    timeLeft: (seconds) => (seconds > 0 ? `encore ${f.number(seconds)} s` : 'Temps écoulé'),
    statusLockedIn: 'Votre réponse est validée ✓',
    rightAnswer: 'bonne réponse',
    scoreHeading: 'Votre score',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Bravo ! +${points(won)}${bonus ? ` +${f.number(bonus)} de bonus de série` : ''}`
        : `${outcome === 'wrong' ? 'Raté' : 'Pas de réponse'} : ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Score final' : 'Cumul'} : ${points(total)}${rank ? `, ${f.number(rank)}${rank === 1 ? 'er' : 'e'} sur ${f.number(players)}` : ''}`,
    podiumHeading: 'Le podium',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name} : ${points(total)}`,
    wordLabel: 'Votre mot',
    textLabel: 'Votre réponse',
    textReplaces: 'Une réponse par personne : une nouvelle remplace la précédente.',
    replaceButton: 'Remplacer',
    qaLabel: 'Votre question',
    askButton: 'Poser',
    characters: (count, max) => `${f.number(count)} caractères sur ${f.number(max)}`,
    typeSomething: 'Écrivez d’abord quelque chose.',
    wordsLeft: (left, max) =>
      left > 0
        ? `${f.plural(left, { one: 'Encore # mot', other: 'Encore # mots' })} sur ${f.number(max)}`
        : `Vous avez envoyé les ${f.number(max)}.`,
    yourWords: (words) => `Les vôtres : ${words.join(', ')}`,
    yourText: (text) => `La vôtre : ${text}`,
    questionsLeft: (left) =>
      left > 0 ? f.plural(left, { one: 'Vous pouvez encore poser # question.', other: 'Vous pouvez encore poser # questions.' }) : 'Vous avez posé toutes les questions possibles.',
    qaRoomHeading: 'Les questions de la salle',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'à l’écran en ce moment', entry.answered && 'traitée', mine && 'votre question'].filter(Boolean).join(' · '),
    upvote: 'Soutenir',
    upvoted: 'Soutenue ✓',
    upvoteRefused: (message) => `Votre soutien n’a pas été compté : ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `les réponses s’ouvrent dans ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `${f.plural(detail.max, { one: '# caractère', other: '# caractères' })} au plus`;
        case 'answer_limit':
          return `vous avez déjà tout envoyé (${f.number(detail.most)})`;
        case 'already_sent':
          return `vous avez déjà envoyé « ${detail.text} »`;
        case 'nickname_taken':
          return `il est déjà pris — essayez « ${detail.suggestion} »`;
        case 'nickname_held':
          return 'il serait retenu à l’écran — choisissez-en un autre';
        case 'own_question':
          return 'c’est votre propre question';
      }
      return {
        bad_request: 'la présentation n’a pas pu le lire',
        forbidden: 'ce téléphone ne peut pas faire cela',
        not_found: 'cela n’existe plus',
        closed: 'le vote est clos',
        too_early: 'les réponses ne sont pas encore ouvertes',
        rate_limited: 'trop d’envois à la fois — réessayez dans un instant',
        too_large: 'c’est trop long',
        conflict: 'cela a déjà été envoyé',
        unavailable: 'enregistrement impossible pour l’instant — réessayez',
        internal: 'erreur du serveur — réessayez',
        no_reply: 'pas de réponse de la présentation — réessayez',
      }[code];
    },
    reactionsLabel: 'Réagir',
    reactionsSlow: 'Doucement, un instant…',
    resultsHeading: 'Résultats',
    resultsResponses: (count) => f.plural(count, { one: '# réponse', other: '# réponses' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Moyenne : ${f.number(average)}`,
    resultsEmpty: 'Rien à afficher pour l’instant.',
    resultsAfterVote: 'Les résultats s’affichent ici dès que vous avez répondu.',
    resultsAfterClose: 'Les résultats s’affichent ici à la clôture du vote.',
    resultsPresenterOnly: 'La personne qui présente commentera les résultats.',
    endedHeading: 'Cette présentation n’est plus en cours',
    endedText: (code) => `La présentation avec le code ${code} est terminée ou a changé d’adresse. Demandez le nouveau code s’il y en a un.`,
    endedJoinOther: 'Rejoindre avec un autre code',
    offlineBanner: 'Vous êtes hors ligne. Vos réponses sont conservées et seront envoyées à votre retour.',
    reconnectingBanner: 'Reconnexion…',
    announceQuestionOpened: (question) => `Nouvelle question : ${question}`,
    announceAnswerReceived: 'Réponse reçue.',
    announceLockedIn: 'Votre réponse est validée.',
    announceTimeRunningOut: (seconds) => `Plus que ${f.plural(seconds, { one: '# seconde', other: '# secondes' })}.`,
    announceResultsShown: 'Les résultats sont affichés.',
    announceClosed: 'Le vote est clos.',
    announceOffline: 'Vous êtes hors ligne.',
    announceOnline: 'De nouveau en ligne.',
    announceWaiting: (slideTitle) => `En attente de la prochaine question. À l’écran : ${slideTitle}`,
  };
};

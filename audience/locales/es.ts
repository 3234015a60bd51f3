import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** Spanish. */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# punto', other: '# puntos' });
  const votes = (count: number) => f.plural(count, { one: '# voto', other: '# votos' });
  return {
    pageTitle: 'handsup — unirse',
    joinHeading: 'Únete a la charla',
    joinIntro: 'Escribe el código que aparece en la pantalla.',
    joinCodeLabel: 'Código',
    joinCodeHelp: '6 letras, por ejemplo KMPQRS',
    joinButton: 'Unirme',
    joining: 'Entrando en la charla…',
    joinCodeEmpty: 'Primero escribe el código que aparece en la pantalla.',
    joinCodeMalformed: (typed) => `«${typed}» no es un código válido: el código tiene 6 letras. Revisa la pantalla y vuelve a intentarlo.`,
    joinCodeNotFound: (code) => `Aquí no hay ninguna charla en curso con el código ${code}. Revisa el código en la pantalla y vuelve a intentarlo.`,
    joinRefused: (message) => `La charla no ha dejado entrar a este teléfono: ${message}`,
    nicknameHeading: 'Tu nombre para el quiz',
    nicknameIntro: 'Elige un nombre para mostrar junto a tu puntuación, u omítelo: en la clasificación aparecerás como «Player» con una etiqueta corta.',
    nicknameLabel: 'Apodo',
    nicknameHelp: (max) => `Hasta ${f.number(max)} caracteres.`,
    nicknameContinue: 'Guardar',
    nicknameSkip: 'Omitir',
    nicknameRefused: (message) => `Ese nombre no se puede usar: ${message}`,
    waitingOnScreen: 'Ahora en pantalla',
    waitingUntitledSlide: 'Una diapositiva sin título',
    waitingHint: 'La próxima pregunta aparecerá aquí sola. Deja esta página abierta.',
    questionHintSingle: 'Toca una respuesta.',
    questionHintMultiple: 'Marca todas las que correspondan y luego toca Enviar.',
    sendButton: 'Enviar',
    sendNothingChosen: 'Primero elige al menos una respuesta.',
    statusSending: 'Enviando…',
    statusQueued: 'Guardada en este teléfono. Se enviará cuando vuelvas a tener conexión.',
    statusReceived: 'Respuesta recibida ✓',
    statusReceivedCanChange: 'Respuesta recibida ✓ Puedes cambiarla mientras la votación siga abierta.',
    statusClosed: 'La votación está cerrada.',
    statusEntryShown: 'Recibida ✓ Ya está en la lista de abajo.',
    statusEntryHeld: 'Recibida ✓ Queda retenida hasta que quien presenta la apruebe.',
    statusEntryAfterClose: 'Recibida ✓ Las respuestas se mostrarán al cerrar la votación.',
    statusEntryPresenterOnly: 'Recibida ✓ Solo quien presenta ve las respuestas.',
    statusEntryHidden: 'Recibida ✓ Quien presenta ha ocultado las respuestas por ahora.',
    answerRejected: (message) => `Tu respuesta no se ha aceptado: ${message}`,
    answerClosedBeforeSent: 'La votación se cerró antes de que llegara tu respuesta, así que no se ha contado.',
    yourAnswer: 'tu respuesta',
    quizHint: 'Toca una respuesta. No podrás cambiarla.',
    readLeft: (seconds) => `${f.number(seconds)} s para leer`,
    timeLeft: (seconds) => (seconds > 0 ? `quedan ${f.number(seconds)} s` : 'Se acabó el tiempo'),
    statusLockedIn: 'Tu respuesta ha quedado registrada ✓',
    rightAnswer: 'respuesta correcta',
    scoreHeading: 'Tu puntuación',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `¡Correcto! +${points(won)}${bonus ? ` +${f.number(bonus)} de bonus por racha` : ''}`
        : `${outcome === 'wrong' ? 'Incorrecto' : 'Sin respuesta'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Puntuación final' : 'Total'}: ${points(total)}${rank ? `, puesto ${f.number(rank)} de ${f.number(players)}` : ''}`,
    podiumHeading: 'Podio',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Tu palabra',
    textLabel: 'Tu respuesta',
    textReplaces: 'Una respuesta por persona: si envías otra, sustituye a la anterior.',
    replaceButton: 'Sustituir',
    qaLabel: 'Tu pregunta',
    askButton: 'Preguntar',
    characters: (count, max) => `${f.number(count)} de ${f.number(max)} caracteres`,
    typeSomething: 'Primero escribe algo.',
    wordsLeft: (left, max) =>
      left > 0 ? `Te ${f.plural(left, { one: 'queda # palabra', other: 'quedan # palabras' })} de ${f.number(max)}` : `Ya has enviado las ${f.number(max)}.`,
    yourWords: (words) => `Las tuyas: ${words.join(', ')}`,
    yourText: (text) => `La tuya: ${text}`,
    questionsLeft: (left) =>
      left > 0 ? f.plural(left, { one: 'Puedes hacer # pregunta más.', other: 'Puedes hacer # preguntas más.' }) : 'Ya has hecho todas las preguntas posibles.',
    qaRoomHeading: 'Preguntas del público',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'ahora en pantalla', entry.answered && 'respondida', mine && 'tu pregunta'].filter(Boolean).join(' · '),
    upvote: 'Apoyar',
    upvoted: 'Apoyada ✓',
    upvoteRefused: (message) => `Tu apoyo no se ha contado: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `las respuestas se abren en ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `como máximo ${f.plural(detail.max, { one: '# carácter', other: '# caracteres' })}`;
        case 'answer_limit':
          return `ya has enviado las ${f.number(detail.most)}`;
        case 'already_sent':
          return `ya enviaste «${detail.text}»`;
        case 'nickname_taken':
          return `ya está en uso — prueba «${detail.suggestion}»`;
        case 'nickname_held':
          return 'se ocultaría en la pantalla — elige otro';
        case 'own_question':
          return 'es tu propia pregunta';
      }
      return {
        bad_request: 'la charla no pudo leerlo',
        forbidden: 'este teléfono no puede hacer eso',
        not_found: 'ya no está en la charla',
        closed: 'la votación está cerrada',
        too_early: 'las respuestas aún no están abiertas',
        rate_limited: 'demasiado a la vez — inténtalo en un momento',
        too_large: 'es demasiado largo',
        conflict: 'ya se había enviado',
        unavailable: 'no se pudo guardar ahora — inténtalo de nuevo en un momento',
        internal: 'error del servidor — inténtalo de nuevo',
        no_reply: 'la charla no responde — inténtalo de nuevo',
      }[code];
    },
    reactionsLabel: 'Reaccionar',
    reactionsSlow: 'Más despacio, un momento…',
    resultsHeading: 'Resultados',
    resultsResponses: (count) => f.plural(count, { one: '# respuesta', other: '# respuestas' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Media: ${f.number(average)}`,
    resultsEmpty: 'Todavía no hay nada que mostrar.',
    resultsAfterVote: 'Los resultados aparecerán aquí en cuanto respondas.',
    resultsAfterClose: 'Los resultados aparecerán aquí al cerrar la votación.',
    resultsPresenterOnly: 'Quien presenta comentará los resultados.',
    endedHeading: 'Esta charla ya no está en curso',
    endedText: (code) => `La charla con el código ${code} ha terminado o ha cambiado de sitio. Pide el nuevo código, si lo hay.`,
    endedJoinOther: 'Unirme con otro código',
    offlineBanner: 'No tienes conexión. Tus respuestas se guardan y se enviarán cuando vuelvas.',
    reconnectingBanner: 'Reconectando…',
    announceQuestionOpened: (question) => `Nueva pregunta: ${question}`,
    announceAnswerReceived: 'Respuesta recibida.',
    announceLockedIn: 'Tu respuesta ha quedado registrada.',
    announceTimeRunningOut: (seconds) => `${f.plural(seconds, { one: 'Queda # segundo', other: 'Quedan # segundos' })}.`,
    announceResultsShown: 'Se muestran los resultados.',
    announceClosed: 'La votación está cerrada.',
    announceOffline: 'No tienes conexión.',
    announceOnline: 'Conexión recuperada.',
    announceWaiting: (slideTitle) => `Esperando la próxima pregunta. En pantalla: ${slideTitle}`,
  };
};

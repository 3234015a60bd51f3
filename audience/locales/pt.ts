import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** Portuguese (Brazilian wording, the variant most phones ask for; numbers follow the phone: pt-BR or pt-PT). */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# ponto', other: '# pontos' });
  const votes = (count: number) => f.plural(count, { one: '# voto', other: '# votos' });
  return {
    pageTitle: 'handsup — participar',
    joinHeading: 'Participe da palestra',
    joinIntro: 'Digite o código que aparece na tela.',
    joinCodeLabel: 'Código',
    joinCodeHelp: '6 letras, por exemplo KMPQRS',
    joinButton: 'Entrar',
    joining: 'Entrando na palestra…',
    joinCodeEmpty: 'Primeiro digite o código que aparece na tela.',
    joinCodeMalformed: (typed) => `“${typed}” não é um código válido: o código tem 6 letras. Confira a tela e tente de novo.`,
    joinCodeNotFound: (code) => `Não há nenhuma palestra com o código ${code} acontecendo aqui. Confira o código na tela e tente de novo.`,
    joinRefused: (message) => `A palestra não deixou este telefone entrar: ${message}`,
    nicknameHeading: 'Seu nome para o quiz',
    nicknameIntro: 'Escolha um nome para aparecer com a sua pontuação, ou pule: no placar você aparecerá como “Player” com uma etiqueta curta.',
    nicknameLabel: 'Apelido',
    nicknameHelp: (max) => `Até ${f.number(max)} caracteres.`,
    nicknameContinue: 'Salvar',
    nicknameSkip: 'Pular',
    nicknameRefused: (message) => `Não é possível usar esse nome: ${message}`,
    waitingOnScreen: 'Agora na tela',
    waitingUntitledSlide: 'Um slide sem título',
    waitingHint: 'A próxima pergunta aparece aqui sozinha. Deixe esta página aberta.',
    questionHintSingle: 'Toque em uma resposta.',
    questionHintMultiple: 'Marque todas as que se aplicam e depois toque em Enviar.',
    sendButton: 'Enviar',
    sendNothingChosen: 'Primeiro escolha pelo menos uma resposta.',
    statusSending: 'Enviando…',
    statusQueued: 'Guardada neste telefone. Será enviada quando você voltar a ficar on-line.',
    statusReceived: 'Resposta recebida ✓',
    statusReceivedCanChange: 'Resposta recebida ✓ Você pode mudá-la enquanto a votação estiver aberta.',
    statusClosed: 'A votação está encerrada.',
    statusEntryShown: 'Recebida ✓ Ela já está na lista abaixo.',
    statusEntryHeld: 'Recebida ✓ Ela fica retida até quem apresenta aprová-la.',
    statusEntryAfterClose: 'Recebida ✓ As respostas serão mostradas quando a votação for encerrada.',
    statusEntryPresenterOnly: 'Recebida ✓ Só quem apresenta vê as respostas.',
    statusEntryHidden: 'Recebida ✓ Quem apresenta ocultou as respostas por enquanto.',
    answerRejected: (message) => `Sua resposta não foi aceita: ${message}`,
    answerClosedBeforeSent: 'A votação foi encerrada antes de a sua resposta chegar, por isso ela não foi contada.',
    yourAnswer: 'sua resposta',
    quizHint: 'Toque em uma resposta. Não dá para mudar depois.',
    readLeft: (seconds) => `${f.number(seconds)} s para ler`,
    timeLeft: (seconds) => (seconds > 0 ? `faltam ${f.number(seconds)} s` : 'O tempo acabou'),
    statusLockedIn: 'Sua resposta foi registrada ✓',
    rightAnswer: 'resposta certa',
    scoreHeading: 'Sua pontuação',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Acertou! +${points(won)}${bonus ? ` +${f.number(bonus)} de bônus por sequência` : ''}`
        : `${outcome === 'wrong' ? 'Errou' : 'Sem resposta'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Pontuação final' : 'Total'}: ${points(total)}${rank ? `, ${f.number(rank)}º lugar de ${f.number(players)}` : ''}`,
    podiumHeading: 'Pódio',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Sua palavra',
    textLabel: 'Sua resposta',
    textReplaces: 'Uma resposta por pessoa: se você enviar outra, ela substitui a anterior.',
    replaceButton: 'Substituir',
    qaLabel: 'Sua pergunta',
    askButton: 'Perguntar',
    characters: (count, max) => `${f.number(count)} de ${f.number(max)} caracteres`,
    typeSomething: 'Primeiro escreva alguma coisa.',
    wordsLeft: (left, max) =>
      left > 0 ? `${f.plural(left, { one: 'Falta # palavra', other: 'Faltam # palavras' })} de ${f.number(max)}` : `Você já enviou as ${f.number(max)}.`,
    yourWords: (words) => `As suas: ${words.join(', ')}`,
    yourText: (text) => `A sua: ${text}`,
    questionsLeft: (left) =>
      left > 0 ? f.plural(left, { one: 'Você ainda pode fazer # pergunta.', other: 'Você ainda pode fazer # perguntas.' }) : 'Você já fez todas as perguntas possíveis.',
    qaRoomHeading: 'Perguntas do público',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'agora na tela', entry.answered && 'respondida', mine && 'sua pergunta'].filter(Boolean).join(' · '),
    upvote: 'Apoiar',
    upvoted: 'Apoiada ✓',
    upvoteRefused: (message) => `Seu apoio não foi contado: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `as respostas abrem em ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `no máximo ${f.plural(detail.max, { one: '# caractere', other: '# caracteres' })}`;
        case 'answer_limit':
          return `você já enviou todas as ${f.number(detail.most)}`;
        case 'already_sent':
          return `você já enviou “${detail.text}”`;
        case 'nickname_taken':
          return `já está em uso — tente “${detail.suggestion}”`;
        case 'nickname_held':
          return 'seria retido na tela — escolha outro';
        case 'own_question':
          return 'é a sua própria pergunta';
      }
      return {
        bad_request: 'a palestra não conseguiu ler isso',
        forbidden: 'este telefone não pode fazer isso',
        not_found: 'isso não está mais na palestra',
        closed: 'a votação está encerrada',
        too_early: 'as respostas ainda não estão abertas',
        rate_limited: 'muita coisa de uma vez — tente daqui a pouco',
        too_large: 'é longo demais',
        conflict: 'isso já foi enviado',
        unavailable: 'não foi possível salvar agora — tente de novo daqui a pouco',
        internal: 'erro do servidor — tente de novo',
        no_reply: 'a palestra não respondeu — tente de novo',
      }[code];
    },
    reactionsLabel: 'Reagir',
    reactionsSlow: 'Calma, só um momento…',
    resultsHeading: 'Resultados',
    resultsResponses: (count) => f.plural(count, { one: '# resposta', other: '# respostas' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Média: ${f.number(average)}`,
    resultsEmpty: 'Ainda não há nada para mostrar.',
    resultsAfterVote: 'Os resultados aparecem aqui assim que você responder.',
    resultsAfterClose: 'Os resultados aparecem aqui quando a votação for encerrada.',
    resultsPresenterOnly: 'Quem apresenta vai comentar os resultados.',
    endedHeading: 'Esta palestra não está mais acontecendo',
    endedText: (code) => `A palestra com o código ${code} terminou ou mudou de endereço. Peça o novo código, se houver.`,
    endedJoinOther: 'Entrar com outro código',
    offlineBanner: 'Você está sem conexão. As respostas ficam guardadas e serão enviadas quando você voltar.',
    reconnectingBanner: 'Reconectando…',
    announceQuestionOpened: (question) => `Nova pergunta: ${question}`,
    announceAnswerReceived: 'Resposta recebida.',
    announceLockedIn: 'Sua resposta foi registrada.',
    announceTimeRunningOut: (seconds) => `${f.plural(seconds, { one: 'Falta # segundo', other: 'Faltam # segundos' })}.`,
    announceResultsShown: 'Os resultados estão sendo mostrados.',
    announceClosed: 'A votação está encerrada.',
    announceOffline: 'Você está sem conexão.',
    announceOnline: 'Conexão restabelecida.',
    announceWaiting: (slideTitle) => `Aguardando a próxima pergunta. Na tela: ${slideTitle}`,
  };
};

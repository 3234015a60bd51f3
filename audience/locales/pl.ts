import type { Format } from '../i18n/format.ts';
import type { Strings } from '../strings.ts';

/** Polish: counts take one, few or many forms (1 punkt, 2 punkty, 5 punktów). */
export default (f: Format): Strings => {
  const points = (count: number) => f.plural(count, { one: '# punkt', few: '# punkty', many: '# punktów', other: '# punktu' });
  const votes = (count: number) => f.plural(count, { one: '# głos', few: '# głosy', many: '# głosów', other: '# głosu' });
  return {
    pageTitle: 'handsup — dołącz',
    joinHeading: 'Dołącz do prezentacji',
    joinIntro: 'Wpisz kod widoczny na ekranie.',
    joinCodeLabel: 'Kod dostępu',
    joinCodeHelp: '6 liter, na przykład KMPQRS',
    joinButton: 'Dołącz',
    joining: 'Łączenie z prezentacją…',
    joinCodeEmpty: 'Najpierw wpisz kod widoczny na ekranie.',
    joinCodeMalformed: (typed) => `„${typed}” to nie jest kod dostępu: kod ma 6 liter. Sprawdź ekran i spróbuj ponownie.`,
    joinCodeNotFound: (code) => `Nie trwa tu żadna prezentacja z kodem ${code}. Sprawdź kod na ekranie i spróbuj ponownie.`,
    joinRefused: (message) => `Prezentacja nie wpuściła tego telefonu: ${message}`,
    nicknameHeading: 'Twoje imię w quizie',
    nicknameIntro: 'Wybierz nazwę, która pojawi się przy Twoim wyniku, albo pomiń: w rankingu będziesz wtedy „Player” z krótkim znacznikiem.',
    nicknameLabel: 'Pseudonim',
    nicknameHelp: (max) => `Najwyżej ${f.plural(max, { one: '# znak', few: '# znaki', many: '# znaków', other: '# znaku' })}.`,
    nicknameContinue: 'Zapisz',
    nicknameSkip: 'Pomiń',
    nicknameRefused: (message) => `Tej nazwy nie można użyć: ${message}`,
    waitingOnScreen: 'Teraz na ekranie',
    waitingUntitledSlide: 'Slajd bez tytułu',
    waitingHint: 'Następne pytanie pojawi się tutaj samo. Nie zamykaj tej strony.',
    questionHintSingle: 'Stuknij jedną odpowiedź.',
    questionHintMultiple: 'Zaznacz wszystkie pasujące odpowiedzi i stuknij Wyślij.',
    sendButton: 'Wyślij',
    sendNothingChosen: 'Najpierw wybierz co najmniej jedną odpowiedź.',
    statusSending: 'Wysyłanie…',
    statusQueued: 'Zapisana na tym telefonie. Zostanie wysłana, gdy znów będziesz online.',
    statusReceived: 'Odpowiedź odebrana ✓',
    statusReceivedCanChange: 'Odpowiedź odebrana ✓ Możesz ją zmienić, dopóki głosowanie trwa.',
    statusClosed: 'Głosowanie jest zamknięte.',
    statusEntryShown: 'Odebrano ✓ Jest już na liście poniżej.',
    statusEntryHeld: 'Odebrano ✓ Czeka, aż prowadzący ją zatwierdzi.',
    statusEntryAfterClose: 'Odebrano ✓ Odpowiedzi pojawią się po zamknięciu głosowania.',
    statusEntryPresenterOnly: 'Odebrano ✓ Odpowiedzi widzi tylko prowadzący.',
    statusEntryHidden: 'Odebrano ✓ Prowadzący na razie ukrył odpowiedzi.',
    answerRejected: (message) => `Twoja odpowiedź nie została przyjęta: ${message}`,
    answerClosedBeforeSent: 'Głosowanie zamknięto, zanim dotarła Twoja odpowiedź, więc nie została policzona.',
    yourAnswer: 'Twoja odpowiedź',
    quizHint: 'Stuknij jedną odpowiedź. Nie można jej potem zmienić.',
    readLeft: (seconds) => `${f.number(seconds)} s na przeczytanie`,
    timeLeft: (seconds) => (seconds > 0 ? `zostało ${f.number(seconds)} s` : 'Czas minął'),
    statusLockedIn: 'Twoja odpowiedź jest zapisana ✓',
    rightAnswer: 'dobra odpowiedź',
    scoreHeading: 'Twój wynik',
    outcome: ({ outcome, points: won, bonus }) =>
      outcome === 'right'
        ? `Dobrze! +${points(won)}${bonus ? ` +${f.number(bonus)} premii za serię` : ''}`
        : `${outcome === 'wrong' ? 'Źle' : 'Brak odpowiedzi'}: ${points(0)}`,
    scoreTotal: ({ podium, points: total, rank, players }) =>
      `${podium ? 'Wynik końcowy' : 'Razem'}: ${points(total)}${rank ? `, miejsce ${f.number(rank)} z ${f.number(players)}` : ''}`,
    podiumHeading: 'Podium zwycięzców',
    podiumEntry: ({ rank, name, points: total }) => `${f.number(rank)}. ${name}: ${points(total)}`,
    wordLabel: 'Twoje słowo',
    textLabel: 'Twoja odpowiedź',
    textReplaces: 'Jedna odpowiedź na osobę: nowa zastępuje poprzednią.',
    replaceButton: 'Zastąp',
    qaLabel: 'Twoje pytanie',
    askButton: 'Zapytaj',
    characters: (count, max) => `${f.number(count)} z ${f.plural(max, { one: '# znaku', few: '# znaków', many: '# znaków', other: '# znaku' })}`,
    typeSomething: 'Najpierw coś wpisz.',
    wordsLeft: (left, max) =>
      left > 0
        ? `${f.plural(left, { one: 'Zostało # słowo', few: 'Zostały # słowa', many: 'Zostało # słów', other: 'Zostało # słowa' })} z ${f.number(max)}`
        : `Wysłano już wszystkie (${f.number(max)}).`,
    yourWords: (words) => `Twoje: ${words.join(', ')}`,
    yourText: (text) => `Twoja: ${text}`,
    questionsLeft: (left) =>
      left > 0
        ? `Możesz zadać jeszcze ${f.plural(left, { one: '# pytanie', few: '# pytania', many: '# pytań', other: '# pytania' })}.`
        : 'Zadano już wszystkie możliwe pytania.',
    qaRoomHeading: 'Pytania z sali',
    qaAbout: (entry, mine) =>
      [votes(entry.votes), entry.pinned && 'teraz na ekranie', entry.answered && 'z odpowiedzią', mine && 'Twoje pytanie'].filter(Boolean).join(' · '),
    upvote: 'Popieram',
    upvoted: 'Poparte ✓',
    upvoteRefused: (message) => `Twój głos nie został policzony: ${message}`,
    refusal: ({ code, detail }) => {
      switch (detail?.reason) {
        case 'too_early':
          return `odpowiedzi otworzą się za ${f.number(detail.seconds)} s`;
        case 'too_long':
          return `najwyżej ${f.plural(detail.max, { one: '# znak', few: '# znaki', many: '# znaków', other: '# znaku' })}`;
        case 'answer_limit':
          return `wysłano już wszystkie (${f.number(detail.most)})`;
        case 'already_sent':
          return `„${detail.text}” zostało już wysłane`;
        case 'nickname_taken':
          return `jest już zajęta — spróbuj „${detail.suggestion}”`;
        case 'nickname_held':
          return 'zostałaby ukryta na ekranie — wybierz inną';
        case 'own_question':
          return 'to Twoje własne pytanie';
      }
      return {
        bad_request: 'prezentacja nie mogła tego odczytać',
        forbidden: 'ten telefon nie może tego zrobić',
        not_found: 'tego już nie ma',
        closed: 'głosowanie jest zamknięte',
        too_early: 'odpowiedzi nie są jeszcze otwarte',
        rate_limited: 'za dużo naraz — spróbuj za chwilę',
        too_large: 'to jest za długie',
        conflict: 'to zostało już wysłane',
        unavailable: 'nie udało się teraz zapisać — spróbuj za chwilę',
        internal: 'błąd serwera — spróbuj ponownie',
        no_reply: 'prezentacja nie odpowiada — spróbuj ponownie',
      }[code];
    },
    reactionsLabel: 'Zareaguj',
    reactionsSlow: 'Chwileczkę, nie tak szybko…',
    resultsHeading: 'Wyniki',
    resultsResponses: (count) => f.plural(count, { one: '# odpowiedź', few: '# odpowiedzi', many: '# odpowiedzi', other: '# odpowiedzi' }),
    resultsFigure: (count, percent) => `${votes(count)}, ${f.percent(percent)}`,
    resultsTimes: (count) => `×${f.number(count)}`,
    resultsAverage: (average) => `Średnia: ${f.number(average)}`,
    resultsEmpty: 'Na razie nie ma nic do pokazania.',
    resultsAfterVote: 'Wyniki pojawią się tutaj, gdy odpowiesz.',
    resultsAfterClose: 'Wyniki pojawią się tutaj po zamknięciu głosowania.',
    resultsPresenterOnly: 'Prowadzący omówi wyniki.',
    endedHeading: 'Ta prezentacja już się nie odbywa',
    endedText: (code) => `Prezentacja z kodem ${code} zakończyła się lub została przeniesiona. Zapytaj o nowy kod, jeśli jest.`,
    endedJoinOther: 'Dołącz z innym kodem',
    offlineBanner: 'Jesteś offline. Odpowiedzi są przechowywane i zostaną wysłane, gdy wrócisz.',
    reconnectingBanner: 'Ponowne łączenie…',
    announceQuestionOpened: (question) => `Nowe pytanie: ${question}`,
    announceAnswerReceived: 'Odpowiedź odebrana.',
    announceLockedIn: 'Twoja odpowiedź jest zapisana.',
    announceTimeRunningOut: (seconds) =>
      `${f.plural(seconds, { one: 'Została # sekunda', few: 'Zostały # sekundy', many: 'Zostało # sekund', other: 'Zostało # sekundy' })}.`,
    announceResultsShown: 'Wyniki są widoczne.',
    announceClosed: 'Głosowanie jest zamknięte.',
    announceOffline: 'Jesteś offline.',
    announceOnline: 'Znów online.',
    announceWaiting: (slideTitle) => `Czekamy na następne pytanie. Na ekranie: ${slideTitle}`,
  };
};

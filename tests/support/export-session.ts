import type { Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { submitWhenOpen } from './answer-when-open.ts';
import { makeId, type TestSocket } from './clients.ts';
import { send, type LiveTalk } from './live-talk.ts';

/** The built-in talk, compiled as the server compiles it. */
export function builtInTalk(): Deck {
  const { deck, problems } = compileDeckFile(DEFAULT_DECK_FILE);
  if (problems.length > 0) throw new Error(`the built-in talk has problems: ${JSON.stringify(problems)}`);
  return deck;
}

/** What the seeded session must export, question by question (counts in option order). */
export const SEEDED = {
  phones: 6,
  hateNetworking: { id: 'hate-networking', counts: [3, 1, 2], percents: [50, 17, 33], responses: 6 },
  hateNetworkingAfter: { id: 'hate-networking-after', counts: [0, 3, 1], percents: [0, 75, 25], responses: 4 },
  quiz: { id: 'quiz-formal-term', counts: [1, 2, 0, 0], percents: [33, 67, 0, 0], responses: 3, correct: 1 },
  scale: { id: 'one-to-one-sure', counts: [0, 1, 0, 2, 1], percents: [0, 25, 0, 50, 25], responses: 4, average: 3.75 },
  words: { id: 'came-to-get', words: [{ word: 'Clients', count: 2 }, { word: 'ideas', count: 1 }], responses: 3 },
  text: { id: 'if-no-one-is-buying', approved: ['Meeting people'], reset: 'Nothing, honestly' },
  qa: { id: 'room-questions', text: '=HYPERLINK("http://example.invalid","click")', votes: 1 },
  nicknames: ['Ana', 'Ben'],
  /** Stored responses: 6 + 1 changed, 4, 3, 4, 3 words, 1 reset + 1, 1 question. */
  storedResponses: 24,
} as const;

export interface SeededSession {
  joinCode: string;
  /** Phone i's participant id. */
  participants: string[];
}

/**
 * Plays a small session of the built-in talk through real sockets: six phones, the opening
 * poll (one phone changes its answer), a word cloud, a text question reset once, a scale,
 * a Q&A question with an upvote, one quiz question closed and revealed, and the closing
 * before/after poll. The counts are in SEEDED.
 */
export async function seedBuiltInTalk(talk: LiveTalk): Promise<SeededSession> {
  const deck = builtInTalk();
  const phones: { socket: TestSocket; participantId: string }[] = [];
  for (let index = 0; index < SEEDED.phones; index += 1) phones.push(await talk.phone(makeId(`phone${index}`)));
  const slideOf = (questionId: string) => deck.slides[deck.questions.find((question) => question.id === questionId)!.slideIndex]!.position;
  const answer = async (phone: number, questionId: string, value: { options: number[] } | { value: number } | { text: string }, answerId = makeId('answer')) => {
    const reply = await submitWhenOpen(phones[phone]!.socket, { questionId, answerId, value });
    if (!reply.ok) throw new Error(`phone ${phone} could not answer ${questionId}: ${reply.message}`);
    return answerId;
  };

  for (const [phone, nickname] of SEEDED.nicknames.entries()) {
    const reply = await send(phones[phone]!.socket)('participant:nickname', { nickname });
    if (!reply.ok) throw new Error(reply.message);
  }

  await talk.goTo(slideOf('hate-networking'));
  await answer(5, 'hate-networking', { options: [1] });
  for (const [phone, option] of [0, 0, 0, 1, 2, 2].entries()) await answer(phone, 'hate-networking', { options: [option] });

  await talk.goTo(slideOf('came-to-get'));
  await answer(0, 'came-to-get', { text: 'Clients' });
  await answer(1, 'came-to-get', { text: 'clients' });
  await answer(2, 'came-to-get', { text: 'ideas' });

  await talk.goTo(slideOf('if-no-one-is-buying'));
  await answer(0, 'if-no-one-is-buying', { text: SEEDED.text.reset });
  await talk.control('if-no-one-is-buying', 'reset');
  await answer(1, 'if-no-one-is-buying', { text: 'Meeting people' });

  await talk.goTo(slideOf('one-to-one-sure'));
  for (const [phone, value] of [2, 4, 4, 5].entries()) await answer(phone, 'one-to-one-sure', { value });

  await talk.goTo(slideOf('room-questions'));
  const asked = await answer(0, 'room-questions', { text: SEEDED.qa.text });
  const upvote = await send(phones[1]!.socket)('qa:upvote', { questionId: 'room-questions', entryId: asked });
  if (!upvote.ok) throw new Error(upvote.message);

  await talk.goTo(slideOf('quiz-formal-term'));
  for (const [phone, option] of [1, 1, 0].entries()) await answer(phone, 'quiz-formal-term', { options: [option] });
  await talk.control('quiz-formal-term', 'close');
  await talk.control('quiz-formal-term', 'reveal');

  await talk.goTo(slideOf('hate-networking-after'));
  for (const [phone, option] of [1, 1, 2, 1].entries()) await answer(phone, 'hate-networking-after', { options: [option] });

  return { joinCode: talk.joinCode, participants: phones.map((phone) => phone.participantId) };
}

/** A busy session's long lists: more than any slide holds. */
export const LONG_LISTS = {
  texts: 201,
  questions: 63,
  /** Phones that send a word; every fifth word is sent by two phones. */
  wordPhones: 150,
  /** "A017: …": a marker each text answer starts with, unique in the PDF's text. */
  textMarker: (index: number) => `A${String(index).padStart(3, '0')}:`,
  questionMarker: (index: number) => `Q${String(index).padStart(3, '0')}:`,
  word: (index: number) => `word${String(index - (index % 5 === 1 ? 1 : 0)).padStart(3, '0')}`,
} as const;

/** Some answers are a few words, some run over several lines, as in a real room. */
function sentence(marker: string, index: number): string {
  const filler = 'because meeting people without an agenda is how the good things started for me';
  return `${marker} ${filler.split(' ').slice(0, 3 + ((index * 7) % 15)).join(' ')}`;
}

/**
 * Plays a busy session of the built-in talk through real sockets: 201 phones each send a
 * text answer, 63 of them ask the room a question (the first is pinned by the presenter,
 * a few get upvotes), 150 send a word. All clean, so all approved at once.
 */
export async function seedLongLists(talk: LiveTalk): Promise<void> {
  const deck = builtInTalk();
  const slideOf = (questionId: string) => deck.slides[deck.questions.find((question) => question.id === questionId)!.slideIndex]!.position;
  const phones: TestSocket[] = [];
  // A room filling up: phones connect a few dozen at a time.
  for (let start = 0; start < LONG_LISTS.texts; start += 25) {
    const batch = Array.from({ length: Math.min(25, LONG_LISTS.texts - start) }, (_, offset) => talk.phone(makeId(`busy${start + offset}`)));
    phones.push(...(await Promise.all(batch)).map((phone) => phone.socket));
  }
  const answer = async (phone: number, questionId: string, text: string) => {
    const reply = await send(phones[phone]!)('answer:submit', { questionId, answerId: makeId('answer'), value: { text } });
    if (!reply.ok) throw new Error(`phone ${phone} could not answer ${questionId}: ${reply.message}`);
    return reply;
  };
  const inParallel = (count: number, each: (index: number) => Promise<unknown>) => Promise.all(Array.from({ length: count }, (_, index) => each(index)));

  await talk.goTo(slideOf('if-no-one-is-buying'));
  await inParallel(LONG_LISTS.texts, (index) => answer(index, 'if-no-one-is-buying', sentence(LONG_LISTS.textMarker(index), index)));

  await talk.goTo(slideOf('came-to-get'));
  await inParallel(LONG_LISTS.wordPhones, (index) => answer(index, 'came-to-get', LONG_LISTS.word(index)));

  await talk.goTo(slideOf('room-questions'));
  const asked: string[] = [];
  for (let index = 0; index < LONG_LISTS.questions; index += 1) {
    const answerId = makeId('question');
    const reply = await send(phones[index]!)('answer:submit', { questionId: 'room-questions', answerId, value: { text: sentence(LONG_LISTS.questionMarker(index), index) } });
    if (!reply.ok) throw new Error(`phone ${index} could not ask: ${reply.message}`);
    asked.push(answerId);
  }
  for (let voter = 100; voter < 110; voter += 1) {
    const reply = await send(phones[voter]!)('qa:upvote', { questionId: 'room-questions', entryId: asked[voter % 4]! });
    if (!reply.ok) throw new Error(reply.message);
  }
  // Pinned (the room's "now answering") and answered: the record lists it like the others, marked answered.
  const pinned = await send(talk.presenter)('qa:mark', { questionId: 'room-questions', entryId: asked[0]!, pinned: true, answered: true });
  if (!pinned.ok) throw new Error(pinned.message);
}

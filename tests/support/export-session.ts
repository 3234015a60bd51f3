import type { Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
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
    const reply = await send(phones[phone]!.socket)('answer:submit', { questionId, answerId, value });
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../protocol/session.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { submitWhenOpen } from '../support/answer-when-open.ts';
import { artifactPath } from '../support/browser.ts';
import { makeId } from '../support/clients.ts';
import { CURRENT_SLIDE as CURRENT, openProjectorRoom, presenterControls, presenterGoesTo, textsOf, type ProjectorRoom } from '../support/projector-room.ts';

/**
 * Every other question type of the built-in talk on the projector, answered by twelve
 * real phone sockets: the results as text, and the slide never running off the screen.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const PHONES = 12;
/** One word per phone: clients ×6, a job ×3, leads ×2, friends ×1. */
const WORDS = ['clients', 'clients', 'clients', 'clients', 'clients', 'clients', 'a job', 'a job', 'a job', 'leads', 'leads', 'friends'];
const TEXTS = [
  'Learning what other people in my field are struggling with this year',
  'Meeting one person I can help, and hearing how they got where they are',
  'Practising how I introduce myself without a sales pitch',
  'Finding people to start a study group with, maybe next month',
];

let room: ProjectorRoom;

async function runQuestion(questionId: string, answer: (phone: number) => AnswerValue, answering = PHONES): Promise<void> {
  const question = deck.questions.find((candidate) => candidate.id === questionId)!;
  await presenterGoesTo(room, deck.slides[question.slideIndex]!.position);
  for (const [index, phone] of room.phones.slice(0, answering).entries()) {
    const submit = { questionId, answerId: makeId('answer'), value: answer(index) };
    const reply = await submitWhenOpen(phone, submit);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
  }
}

async function texts(selector: string): Promise<string[]> {
  return textsOf(room.projector, `${CURRENT} ${selector}`);
}

/** The whole question, join line included, inside the window; saved as a screenshot. */
async function expectOnScreen(name: string): Promise<void> {
  await room.projector.waitForTimeout(900);
  await room.projector.screenshot({ path: artifactPath(`projector-type-${name}.png`) });
  const box = (await room.projector.locator(`${CURRENT} .handsup-question`).boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(720);
}

beforeAll(async () => {
  room = await openProjectorRoom({ phones: PHONES });
});

afterAll(async () => {
  await room?.close();
});

describe('the other question types on the projector', () => {
  it('scale: the average in large type and one line per value', async () => {
    await runQuestion('one-to-one-sure', (phone) => ({ value: (phone % 5) + 1 }));
    await presenterControls(room, 'one-to-one-sure', 'reveal');
    await expect.poll(() => texts('.handsup-scale-average-value'), { timeout: 1000 }).toEqual(['2.8']);
    expect(await texts('.handsup-bar')).toEqual([
      '1 — No idea at all 25% 3 votes',
      '2 25% 3 votes',
      '3 17% 2 votes',
      '4 17% 2 votes',
      '5 — I have names ready 17% 2 votes',
    ]);
    await expectOnScreen('scale');
  });

  it('word cloud: the words, most sent first, with their counts', async () => {
    await runQuestion('came-to-get', (phone) => ({ text: WORDS[phone]! }));
    await expect.poll(() => texts('.handsup-word'), { timeout: 1000 }).toEqual(['clients 6', 'a job 3', 'leads 2', 'friends 1']);
    await expectOnScreen('wordcloud');
  });

  it('open text: long answers fill two columns and are cut with a fade, never off the slide', async () => {
    await runQuestion('if-no-one-is-buying', (phone) => ({ text: `${TEXTS[phone % TEXTS.length]} (${phone + 1})` }));
    // The built-in talk's open text is presenter-only: the presenter puts it on the projector.
    await presenterControls(room, 'if-no-one-is-buying', 'reveal');
    await expect.poll(async () => (await texts('.handsup-text')).length, { timeout: 1000 }).toBe(PHONES);
    expect((await texts('.handsup-text'))[0]).toBe(`${TEXTS[(PHONES - 1) % TEXTS.length]} (${PHONES})`);
    expect(await room.projector.locator(`${CURRENT} .handsup-live-results.is-clipped`).count()).toBe(1);
    await expectOnScreen('text');
  });

  it('Q&A: the top few questions with their votes, on the slide; how many more as text', async () => {
    await runQuestion('room-questions', (phone) => ({ text: `Question ${phone + 1}: ${TEXTS[phone % TEXTS.length]}?` }));
    await expect.poll(async () => (await texts('.handsup-qa-item')).length, { timeout: 1000 }).toBe(5);
    expect((await texts('.handsup-qa-item')).every((line) => line.startsWith('0 votes Question '))).toBe(true);
    // The list fills to five before the last questions arrive: wait for all of them.
    await expect.poll(async () => texts('.handsup-results-more'), { timeout: 2000 }).toEqual([`and ${PHONES - 5} more questions`]);
    await expectOnScreen('qa');
  });

  it('quiz: the right answer is marked only once the quiz is closed and revealed', async () => {
    // One phone does not answer: a quiz every phone has answered closes by itself, and this test closes it.
    await runQuestion('quiz-formal-term', (phone) => ({ options: [phone % 3 === 0 ? 0 : 1] }), PHONES - 1);
    await presenterControls(room, 'quiz-formal-term', 'reveal');
    await expect.poll(() => texts('.handsup-bar'), { timeout: 1000 }).toEqual([
      'A. Selling 36% 4 votes',
      'B. Building relationships 64% 7 votes',
      'C. Collecting contacts 0% 0 votes',
      'D. Finding a job 0% 0 votes',
    ]);
    expect(await room.projector.locator(`${CURRENT} .handsup-bar-correct`).count()).toBe(0);
    await presenterControls(room, 'quiz-formal-term', 'close');
    await expect.poll(() => texts('.handsup-bar.is-correct'), { timeout: 1000 }).toEqual(['B. Building relationships ✓ correct 64% 7 votes']);
    await expectOnScreen('quiz');
  });
});

import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../support/phone-strings.ts';
import type { QaResults, TextResults } from '../../protocol/session.ts';
import { ALL_TYPES_DECK, SLIDES } from '../support/all-types-deck.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import {
  eventually,
  expectAccessible,
  expectAnnounced,
  fitReport,
  joinCodeOf,
  networkSwitch,
  newPhone,
  Presenter,
  screenOf,
  screenshot,
  textsOf,
  typeAndSend,
  waitForScreen,
  type Phone,
} from './audience-phone.ts';

/** Scale, word cloud, open text, Q&A and reactions from phones in Chromium, on the fixture deck with every type. */
let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
let ada: Phone;
let ben: Phone;

/**
 * A phone in the talk. The deck has a quiz, so the waiting screen offers a nickname
 * (skipped here); on a poll's slide the poll comes at once, and the name waits for the quiz.
 */
async function join(options: BrowserContextOptions = {}): Promise<Phone> {
  const phone = await newPhone(browser, options);
  await phone.page.goto(`${server.url}/j/${joinCode}`);
  await phone.page.waitForSelector('body[data-screen="waiting"], body[data-screen="question"]');
  if ((await screenOf(phone.page)) === 'waiting') {
    await phone.page.getByRole('button', { name: en.nicknameSkip }).tap();
    await phone.page.locator('.nickname-form').waitFor({ state: 'detached' });
  }
  return phone;
}

async function showQuestion(position: { h: number; v: number }, questionId: string): Promise<void> {
  await presenter.goTo(position);
  for (const { page } of [ada, ben]) await page.waitForSelector(`.question-screen[data-question-id="${questionId}"][data-question-status="open"]`);
}

const status = (page: Page) => page.locator('.answer-status');
const waitForStatus = (page: Page, kind: string) => page.waitForSelector(`.answer-status[data-status="${kind}"]`);
/** A typed entry's line settles once results newer than its acknowledgement arrive. */
const waitForStatusText = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.querySelector('.answer-status')?.textContent === wanted, text, { timeout: 5000 });

/** The results rows as "label | figure". */
async function rows(page: Page): Promise<string[]> {
  return page.locator('.results:not([hidden]) .tally').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('.tally-label')!.textContent} | ${item.querySelector('.tally-figure')!.textContent}`),
  );
}

beforeAll(async () => {
  server = await startServer({ deck: ALL_TYPES_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  ada = await join();
  ben = await join();
});

afterAll(async () => {
  for (const phone of [ada, ben]) await phone?.context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('scale', () => {
  it('offers min..max with the labels at the ends, sends a tap, can change it, and shows the distribution and the average', async () => {
    await showQuestion(SLIDES.scale, 'scale-sure');
    const { page } = ada;
    const names = await page.locator('.steps button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent));
    expect(names).toEqual(['1, Not at all', '2', '3', '4', '5, Completely']);
    expect(await textsOf(page, '.scale-labels span')).toEqual(['Not at all', 'Completely']);

    await page.getByRole('button', { name: '4', exact: true }).tap();
    await waitForStatus(page, 'received');
    expect(await status(page).textContent()).toBe(en.statusReceivedCanChange);
    expect(await page.getByRole('button', { name: '4', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => document.querySelector('.average')?.textContent === 'Average: 4');

    await ben.page.getByRole('button', { name: '1, Not at all' }).tap();
    await page.waitForFunction(() => document.querySelector('.average')?.textContent === 'Average: 2.5');
    await page.getByRole('button', { name: '5, Completely' }).tap();
    await ben.page.waitForFunction(() => document.querySelector('.average')?.textContent === 'Average: 3');
    expect(await rows(ben.page)).toEqual(['1 (your answer) | 1 vote, 50%', '2 | 0 votes, 0%', '3 | 0 votes, 0%', '4 | 0 votes, 0%', '5 | 1 vote, 50%']);
    await eventually(async () => {
      const results = (await presenter.view()).results['scale-sure'];
      return results?.type === 'scale' ? [results.responses, results.average] : null;
    }, [2, 3]);
    await expectAccessible(page, 'scale');
    await screenshot(page, 'scale');
  });
});

describe('word cloud', () => {
  it('sends up to max-answers words, each its own answer, says how many are left, and refuses bad input clearly', async () => {
    await showQuestion(SLIDES.cloud, 'cloud-words');
    const { page } = ada;
    const field = page.getByLabel(en.wordLabel, { exact: true });
    expect(await field.getAttribute('maxlength')).toBe('20');
    expect(await page.locator('form .hint').first().textContent()).toBe(en.characters(0, 20));
    expect(await page.getByText(en.wordsLeft(3, 3)).count()).toBe(1);

    // Nothing typed: a message, nothing sent.
    await page.getByRole('button', { name: en.sendButton, exact: true }).tap();
    expect(await page.getByText(en.typeSomething).isVisible()).toBe(true);

    await field.pressSequentially('Coffee');
    await field.press('Enter');
    await waitForStatus(page, 'received');
    // A clean word is approved as it arrives: the phone says it is listed, as it is.
    await waitForStatusText(page, en.statusEntryShown);
    expect(await page.locator('.mine').textContent()).toBe(en.yourWords(['Coffee']));
    expect(await page.getByText(en.wordsLeft(2, 3)).count()).toBe(1);

    // The same word again (case and spaces do not matter): the server says so, the phone in its own words.
    await typeAndSend(page, en.wordLabel, ' coffee');
    await waitForStatus(page, 'rejected');
    expect(await status(page).textContent()).toBe(en.answerRejected(en.refusal({ code: 'conflict', detail: { reason: 'already_sent', text: 'coffee' } })));
    expect(await status(page).textContent()).toBe('Your answer was not accepted: you already sent “coffee”');
    expect(await page.getByText(en.wordsLeft(2, 3)).count()).toBe(1);

    // Too long: typing stops at max-length; forced past it, the server's refusal shows.
    await field.fill('');
    await field.pressSequentially('x'.repeat(25));
    expect(await field.inputValue()).toBe('x'.repeat(20));
    await field.evaluate((input) => input.removeAttribute('maxlength'));
    await field.fill('y'.repeat(21));
    expect(await page.locator('form .hint.problem').textContent()).toBe(en.characters(21, 20));
    await page.getByRole('button', { name: en.sendButton, exact: true }).tap();
    await waitForStatus(page, 'rejected');
    expect(await status(page).textContent()).toBe(en.answerRejected(en.refusal({ code: 'bad_request', detail: { reason: 'too_long', max: 20 } })));

    await typeAndSend(page, en.wordLabel, 'Tea');
    await page.waitForFunction(() => document.querySelector('.mine')?.textContent === 'Yours: Coffee, Tea');
    await typeAndSend(page, en.wordLabel, 'Cake');
    await page.waitForFunction(() => document.querySelector('.mine')?.textContent === 'Yours: Coffee, Tea, Cake');
    // All three sent: no more typing.
    expect(await page.getByText(en.wordsLeft(0, 3)).count()).toBe(1);
    expect(await field.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: en.sendButton, exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, 'word cloud, all sent');
    await screenshot(page, 'wordcloud');
  });

  it('keeps words typed offline, each with its own id, sends them all when back, and shows the counts as text', async () => {
    const { page } = ben;
    const network = await networkSwitch(ben);
    await network.offline();
    await page.waitForFunction(() => document.body.dataset.connection === 'offline');
    await typeAndSend(page, en.wordLabel, 'COFFEE');
    await typeAndSend(page, en.wordLabel, 'Juice');
    await waitForStatus(page, 'queued');
    expect(await page.locator('.mine').textContent()).toBe(en.yourWords(['COFFEE', 'Juice']));
    await network.online();
    await page.waitForFunction(() => document.querySelector('.answer-status')?.getAttribute('data-status') === 'received', null, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('.results .responses')?.textContent === '2 responses');
    // Both words count for the same phone: "2 responses" may come before the second word's results.
    await expect.poll(() => rows(page), { timeout: 5000 }).toEqual(['Coffee | ×2', 'Cake | ×1', 'Juice | ×1', 'Tea | ×1']);
    const words = (await presenter.view()).results['cloud-words'];
    expect(words).toMatchObject({ responses: 2, total: 5 });
    await expectAccessible(page, 'word cloud results');
    await screenshot(page, 'wordcloud-results');
  });
});

describe('open text', () => {
  it('counts characters, sends, says approved answers are shown, and lists them once approved', async () => {
    await showQuestion(SLIDES.text, 'open-text');
    const { page } = ada;
    const field = page.getByLabel(en.textLabel, { exact: true });
    expect(await field.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await field.getAttribute('maxlength')).toBe('100');
    await field.pressSequentially('Shorter slides');
    expect(await page.getByText(en.characters(14, 100)).count()).toBe(1);
    // One answer per phone, said before sending.
    expect(await page.getByText(en.textReplaces).isVisible()).toBe(true);
    await page.getByRole('button', { name: en.sendButton, exact: true }).tap();
    await waitForStatus(page, 'received');
    await waitForStatusText(page, en.statusEntryShown);
    expect(await page.locator('.mine').textContent()).toBe(en.yourText('Shorter slides'));
    // The next send replaces it, and the button says so.
    expect(await page.getByRole('button', { name: en.replaceButton, exact: true }).isVisible()).toBe(true);
    await page.waitForFunction(() => [...document.querySelectorAll('.results .tally-label')].some((label) => label.textContent === 'Shorter slides (your answer)'));

    // A blocked word holds the answer for the presenter: received, but not shown until approved.
    await typeAndSend(ben.page, en.textLabel, 'More synergy please');
    await waitForStatus(ben.page, 'received');
    // The phone says so: not "shown", held until the presenter approves it.
    await waitForStatusText(ben.page, en.statusEntryHeld);
    expect(await textsOf(ben.page, '.results .tally-label')).toEqual(['Shorter slides']);
    await screenshot(ben.page, 'text-held');
    const held = ((await presenter.view()).results['open-text'] as TextResults).answers.find((answer) => answer.text === 'More synergy please')!;
    expect(held).toMatchObject({ status: 'pending', flagged: true });
    const approved = await presenter.socket.timeout(5000).emitWithAck('moderation:set', { questionId: 'open-text', entryId: held.id, status: 'approved' });
    expect(approved.ok).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('.results .tally').length === 2);
    expect(await textsOf(page, '.results .tally-label')).toEqual(['More synergy please', 'Shorter slides (your answer)']);
    await waitForStatusText(ben.page, en.statusEntryShown);

    // Forced past max-length: the server's refusal says what to fix.
    await field.evaluate((element) => element.removeAttribute('maxlength'));
    await field.fill('z'.repeat(101));
    await page.getByRole('button', { name: en.replaceButton, exact: true }).tap();
    await waitForStatus(page, 'rejected');
    expect(await status(page).textContent()).toBe(en.answerRejected(en.refusal({ code: 'bad_request', detail: { reason: 'too_long', max: 100 } })));
    expect(await status(page).textContent()).toBe('Your answer was not accepted: the most is 100 characters');
    await expectAccessible(page, 'open text');
    await screenshot(page, 'text');
  });
});

describe('Q&A', () => {
  it('asks, lists the room\'s questions by votes, upvotes once (never one\'s own), and shows the presenter\'s marks', async () => {
    await showQuestion(SLIDES.qa, 'audience-qa');
    await typeAndSend(ada.page, en.qaLabel, 'Why Markdown?', en.askButton);
    await waitForStatus(ada.page, 'received');
    expect(await ada.page.getByText(en.questionsLeft(9)).count()).toBe(1);
    const entries = ada.page.locator('.results:not([hidden]) li');
    await entries.first().waitFor();
    expect(await entries.first().locator('.hint').textContent()).toBe('0 votes · your question');
    expect(await entries.first().getByRole('button').isVisible()).toBe(false);

    await typeAndSend(ben.page, en.qaLabel, 'Will there be a PDF?', en.askButton);
    await ben.page.waitForFunction(() => document.querySelectorAll('.results li').length === 2);
    const upvote = ben.page.locator('li', { hasText: 'Why Markdown?' }).getByRole('button', { name: en.upvote });
    await upvote.tap();
    await ben.page.waitForSelector('li button[aria-pressed="true"]');
    expect(await ben.page.locator('li button[aria-pressed="true"]').textContent()).toBe(en.upvoted);
    expect(await ben.page.locator('li button[aria-pressed="true"]').isDisabled()).toBe(true);
    await ada.page.waitForFunction(() => document.querySelector('.results li .hint')?.textContent === '1 vote · your question');
    expect(await textsOf(ada.page, '.results li .qa-text')).toEqual(['Why Markdown?', 'Will there be a PDF?']);

    // The upvote is remembered by the server: a reload still shows it.
    await ben.page.reload();
    await ben.page.waitForSelector('li button[aria-pressed="true"]');
    expect(await ben.page.locator('li', { hasText: 'Why Markdown?' }).getByRole('button').textContent()).toBe(en.upvoted);

    const asked = ((await presenter.view()).results['audience-qa'] as QaResults).questions.find((entry) => entry.text === 'Will there be a PDF?')!;
    expect((await presenter.socket.timeout(5000).emitWithAck('qa:mark', { questionId: 'audience-qa', entryId: asked.id, pinned: true, answered: true })).ok).toBe(true);
    await ada.page.waitForFunction(() => document.querySelector('.results li .qa-text')?.textContent === 'Will there be a PDF?');
    expect(await textsOf(ada.page, '.results li .hint')).toEqual(['0 votes · on screen now · answered', '1 vote · your question']);
    await expectAccessible(ada.page, 'Q&A');
    await screenshot(ada.page, 'qa');
    await expectAccessible(ben.page, 'Q&A, upvoted');
    await screenshot(ben.page, 'qa-upvoted');
  });
});

describe('reactions', () => {
  it('sit at the foot of every slide\'s screen, reach the presenter, and ask for a pause when sent too fast', async () => {
    await presenter.goTo(SLIDES.title);
    const { page } = ada;
    await waitForScreen(page, 'waiting');
    const bar = page.getByRole('complementary', { name: en.reactionsLabel });
    expect(await bar.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.textContent))).toEqual(['👏', '❤️', '😂', '😮', '🤔', '👍']);
    await bar.getByRole('button', { name: '👏' }).tap();
    await eventually(async () => (await presenter.view()).reactions.find((slide) => slide.slideIndex === 0)?.counts['👏'], 1);

    // A burst of 5, then one a second: quick taps past that are refused and the bar rests a moment.
    const note = bar.locator('.reaction-note');
    // Ten taps at once (a tap through Playwright takes longer than the refill on a busy machine).
    await bar.getByRole('button', { name: '❤️' }).evaluate((button: HTMLElement) => {
      for (let tap = 0; tap < 10; tap += 1) button.click();
    });
    await note.waitFor();
    expect(await note.textContent()).toBe(en.reactionsSlow);
    await expectAnnounced(page, en.reactionsSlow);
    expect(await bar.getByRole('button', { name: '❤️' }).getAttribute('aria-disabled')).toBe('true');
    await expectAccessible(page, 'reactions resting');
    await screenshot(page, 'reactions-slow');
    await note.waitFor({ state: 'hidden', timeout: 5000 });
    expect(await bar.getByRole('button', { name: '❤️' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('never covers what is being answered: scrolled to the end, the last control is above the bar', async () => {
    await showQuestion(SLIDES.qa, 'audience-qa');
    const { page } = ada;
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#app button, #app textarea')]
        .filter((element) => element.offsetParent !== null)
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.bottom < 0 || box.top > innerHeight) return false; // not on screen now
          const hit = document.elementFromPoint(box.left + box.width / 2, Math.min(box.top + box.height / 2, innerHeight - 1));
          return hit !== null && !element.contains(hit);
        })
        .map((element) => element.textContent),
    );
    expect(covered).toEqual([]);
    // Not offered where there is no talk to react to yet.
    const newcomer = await newPhone(browser);
    await newcomer.page.goto(`${server.url}/join`);
    await waitForScreen(newcomer.page, 'join');
    expect(await newcomer.page.getByRole('complementary', { name: en.reactionsLabel }).isVisible()).toBe(false);
    await newcomer.context.close();
  });
});

describe('on a 320 px phone', () => {
  it('every new screen fits: no sideways scrolling, targets of 44 px or more, text of 16 px or more', async () => {
    const small = await join({ viewport: { width: 320, height: 568 } });
    const { page } = small;
    const fits = { scrollWidth: 320, smallTargets: [], smallText: [] };
    for (const [position, questionId] of [
      [SLIDES.scale, 'scale-sure'],
      [SLIDES.cloud, 'cloud-words'],
      [SLIDES.text, 'open-text'],
      [SLIDES.qa, 'audience-qa'],
    ] as const) {
      await presenter.goTo(position);
      await page.waitForSelector(`.question-screen[data-question-id="${questionId}"] .results:not([hidden])`);
      expect(await fitReport(page), questionId).toEqual(fits);
    }
    await presenter.goTo(SLIDES.quizCapital);
    await page.waitForSelector('.question-screen[data-question-id="quiz-capital"] [role="timer"]');
    expect(await fitReport(page), 'quiz, open').toEqual(fits);
    await page.getByRole('button', { name: 'Paris', exact: true }).tap();
    await waitForStatus(page, 'received');
    await presenter.control('quiz-capital', 'close');
    await page.waitForSelector('.score .outcome');
    expect(await fitReport(page), 'quiz, revealed').toEqual(fits);
    await screenshot(page, '320px-quiz');
    await presenter.goTo(SLIDES.title);
    await page.waitForSelector('body[data-screen="waiting"] .score .total');
    expect(await fitReport(page), 'waiting with a score').toEqual(fits);
    await small.context.close();
  });
});

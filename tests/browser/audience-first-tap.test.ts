import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TYPES_DECK, SLIDES } from '../support/all-types-deck.ts';
import { launchBrowser } from '../support/browser.ts';
import { en } from '../support/phone-strings.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { eventually, expectAccessible, joinCodeOf, newPhone, Presenter, screenshot, waitForScreen, type Phone } from './audience-phone.ts';

/**
 * No gate before the first tap (issue 13, item 8): in a talk with a quiz, a phone that
 * opens the link while a poll is on answers it at once; the nickname is asked with the
 * first quiz question, below its answer buttons, and never stops anyone answering.
 */
let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
let phone: Phone;

/** Every screen the page showed, in order (body[data-screen] as it changed). */
async function screensShown(): Promise<string[]> {
  return phone.page.evaluate(() => (window as unknown as { screensShown: string[] }).screensShown);
}

beforeAll(async () => {
  server = await startServer({ deck: ALL_TYPES_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  phone = await newPhone(browser);
  await phone.context.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { screensShown: shown });
    new MutationObserver(() => {
      const screen = document.body?.dataset.screen;
      if (screen && shown.at(-1) !== screen) shown.push(screen);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-screen'] });
  });
});

afterAll(async () => {
  await phone?.context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('the first tap, in a talk with a quiz', () => {
  it('a phone opening the link during a poll answers it at once: no nickname in the way', async () => {
    await presenter.goTo(SLIDES.scale);
    const { page } = phone;
    await page.goto(`${server.url}/j/${joinCode}`);
    await page.waitForSelector('.question-screen[data-question-id="scale-sure"][data-question-status="open"]');
    expect(await page.locator('.nickname-form').count()).toBe(0);
    await page.getByRole('button', { name: '4', exact: true }).tap();
    await page.waitForSelector('.answer-status[data-status="received"]');
    expect(await page.locator('.answer-status').textContent()).toBe(en.statusReceivedCanChange);
    await eventually(async () => (await presenter.view()).results['scale-sure']?.responses, 1);
    // Straight from "joining" to the question.
    expect(await screensShown()).toEqual(['connecting', 'question']);
    await expectAccessible(page, 'poll, first thing');
    await screenshot(page, 'first-tap-poll');
  });

  it('the first quiz question asks for the name below its buttons; answering first works, and the name reaches the board', async () => {
    await presenter.goTo(SLIDES.quizCapital);
    const { page } = phone;
    await page.waitForSelector('.question-screen[data-question-id="quiz-capital"][data-question-status="open"] .nickname-form');
    // The card comes after the answer buttons, which are live.
    const order = await page.evaluate(() => {
      const options = document.querySelector('.question-screen .options')!;
      const card = document.querySelector('.nickname-form')!;
      return options.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(await page.getByRole('button', { name: 'Paris', exact: true }).isEnabled()).toBe(true);
    await expectAccessible(page, 'quiz with the nickname card');
    await screenshot(page, 'first-quiz-nickname');

    await page.getByRole('button', { name: 'Paris', exact: true }).tap();
    await page.waitForSelector('.answer-status[data-status="received"]');
    expect(await page.locator('.answer-status').textContent()).toBe(en.statusLockedIn);
    await page.getByLabel(en.nicknameLabel).fill('Dee');
    await page.getByRole('button', { name: en.nicknameContinue }).tap();
    await page.locator('.nickname-form').waitFor({ state: 'detached' });

    await presenter.control('quiz-capital', 'close');
    await eventually(async () => (await presenter.view()).quiz?.leaderboard.map((entry) => entry.name), ['Dee']);
    // Not asked again on the next quiz question.
    await presenter.goTo(SLIDES.quizSum);
    await page.waitForSelector('.question-screen[data-question-id="quiz-sum"]');
    expect(await page.locator('.nickname-form').count()).toBe(0);
    expect(await screensShown()).not.toContain('nickname');
  });

  it('between questions the card waits on the waiting screen, and skipping is one tap', async () => {
    const other = await newPhone(browser);
    try {
      await presenter.goTo(SLIDES.title);
      await other.page.goto(`${server.url}/j/${joinCode}`);
      await waitForScreen(other.page, 'waiting');
      await other.page.locator('.nickname-form').waitFor();
      await screenshot(other.page, 'waiting-nickname');
      await other.page.getByRole('button', { name: en.nicknameSkip }).tap();
      await other.page.locator('.nickname-form').waitFor({ state: 'detached' });
      expect(await other.page.evaluate((code) => localStorage.getItem(`handsup:nickname:${code}`), joinCode)).toBe('');
    } finally {
      await other.context.close();
    }
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenterView } from '../../protocol/session.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { artifactPath } from '../support/browser.ts';
import { makeId, nextEvent } from '../support/clients.ts';
import {
  CURRENT_SLIDE,
  onSlide,
  openProjectorRoom,
  presenterControls,
  presenterGoesTo,
  textsOf,
  type ProjectorRoom,
} from '../support/projector-room.ts';
import { TEST_PRESENTER_KEY } from '../support/server-process.ts';

/** The projector page's live side on the fixture deck: one question per results rule. */
const DECK = 'tests/fixtures/live-deck.md';
const { deck } = compileDeckFile(DECK);
const slideOf = (questionId: string) => deck.slides[deck.questions.find((question) => question.id === questionId)!.slideIndex]!;

let room: ProjectorRoom;
let display: Page;

const CURRENT = `${CURRENT_SLIDE} .handsup-question`;
type RevealOnPage = { Reveal: { getIndices(): { h: number; v: number; f?: number } } };

async function goTo(questionId: string): Promise<void> {
  await presenterGoesTo(room, slideOf(questionId).position);
}

async function answer(questionId: string, picks: number[][]): Promise<void> {
  for (const [index, options] of picks.entries()) {
    const reply = await room.phones[index]!.timeout(5000).emitWithAck('answer:submit', { questionId, answerId: makeId('answer'), value: { options } });
    expect(reply.ok).toBe(true);
  }
}

async function control(questionId: string, action: 'reveal' | 'hide' | 'close' | 'reset'): Promise<void> {
  await presenterControls(room, questionId, action);
}

async function bars(page: Page = display): Promise<string[]> {
  return textsOf(page, `${CURRENT} .handsup-live-results .handsup-bar`);
}

beforeAll(async () => {
  room = await openProjectorRoom({ deck: DECK, phones: 4 });
  display = room.projector;
});

afterAll(async () => {
  await room?.close();
});

describe('the projector’s question slides', () => {
  it('live results: bars from the start, growing as the answers arrive, the rows updated in place', async () => {
    await goTo('pick-one');
    await expect.poll(() => display.locator(`${CURRENT} .handsup-live-count`).textContent(), { timeout: 1000 }).toBe('0 responses');
    expect(await bars()).toEqual(['A. Red 0% 0 votes', 'B. Green 0% 0 votes', 'C. Blue 0% 0 votes']);
    expect(await display.locator(`${CURRENT} .handsup-live-join`).textContent()).toBe(`Join at 127.0.0.1:${room.server.port}/join · code ${room.joinCode}`);
    await display.evaluate((selector) => {
      (window as unknown as { row: Element }).row = document.querySelector(`${selector} .handsup-bar`)!;
    }, CURRENT);

    await answer('pick-one', [[0], [2], [2], [2]]);
    await expect.poll(() => bars(), { timeout: 1000 }).toEqual(['A. Red 25% 1 vote', 'B. Green 0% 0 votes', 'C. Blue 75% 3 votes']);
    expect(await display.locator(`${CURRENT} .handsup-live-count`).textContent()).toBe('4 responses');
    // The results sit inside the slide: they must not turn it into a vertical stack of slides.
    expect(await display.locator('section.present.stack').count()).toBe(0);
    expect(await display.evaluate((selector) => (window as unknown as { row: Element }).row === document.querySelector(`${selector} .handsup-bar`), CURRENT)).toBe(true);
    await display.waitForTimeout(900);
    await display.screenshot({ path: artifactPath('projector-live-pick-one.png') });
  });

  it('after-vote: only the response count until the reveal; hide takes the bars off again', async () => {
    await goTo('pick-several');
    await answer('pick-several', [[0, 1], [1], [1, 3]]);
    await expect.poll(() => display.locator(`${CURRENT} .handsup-live-count`).textContent(), { timeout: 1000 }).toBe('3 responses');
    expect(await display.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);
    expect(await display.locator(`${CURRENT} .handsup-options li`).allTextContents()).toEqual(['Tea', 'Coffee', 'Water', 'Juice']);

    await control('pick-several', 'reveal');
    // Several answers each: percentages are of the people who answered, so they add up past 100.
    await expect.poll(() => bars(), { timeout: 1000 }).toEqual(['A. Tea 33% 1 vote', 'B. Coffee 100% 3 votes', 'C. Water 0% 0 votes', 'D. Juice 33% 1 vote']);
    expect(await display.locator(`${CURRENT} .handsup-options`).isHidden()).toBe(true);

    await control('pick-several', 'hide');
    await expect.poll(() => display.locator(`${CURRENT} .handsup-live-results`).isHidden(), { timeout: 1000 }).toBe(true);
    expect(await display.locator(`${CURRENT} .handsup-options`).isVisible()).toBe(true);
  });

  it('after-close: closing shows the results and says voting is closed', async () => {
    await goTo('after-close');
    await answer('after-close', [[1], [1]]);
    await expect.poll(() => display.locator(`${CURRENT} .handsup-live-status`).textContent(), { timeout: 1000 }).toBe('Voting open');
    expect(await display.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);
    await control('after-close', 'close');
    await expect.poll(() => bars(), { timeout: 1000 }).toEqual(['A. Yes 0% 0 votes', 'B. No 100% 2 votes']);
    expect(await display.locator(`${CURRENT} .handsup-live-status`).textContent()).toBe('Voting closed');
  });

  it('presenter-only: the reveal puts them on the projector', async () => {
    await goTo('secret');
    await answer('secret', [[0]]);
    await expect.poll(() => display.locator(`${CURRENT} .handsup-live-count`).textContent(), { timeout: 1000 }).toBe('1 response');
    expect(await display.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);
    await control('secret', 'reveal');
    await expect.poll(() => bars(), { timeout: 1000 }).toEqual(['A. A 100% 1 vote', 'B. B 0% 0 votes']);
  });

  it('fits the slide at 1280×720 and 1920×1080', async () => {
    await goTo('pick-several');
    await control('pick-several', 'reveal');
    await display.waitForSelector(`${CURRENT} .handsup-live-results .handsup-bar`);
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await display.setViewportSize(viewport);
      await display.waitForTimeout(900);
      const box = await display.locator(CURRENT).boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      await display.screenshot({ path: artifactPath(`projector-live-four-options-${viewport.width}x${viewport.height}.png`) });
    }
    await display.setViewportSize({ width: 1280, height: 720 });
  });
});

describe('the projector in the presenter’s browser', () => {
  it('drives the talk with its own keys after the key exchange, and shows results only once revealed', async () => {
    const context = await room.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const driver = await context.newPage();
    await driver.goto(`${room.server.url}/?key=${TEST_PRESENTER_KEY}`);
    expect(driver.url()).toBe(`${room.server.url}/`);
    await driver.waitForSelector('body[data-deck-ready="true"][data-participants]');
    expect(await driver.evaluate(() => document.body.dataset.live)).toBe('drive');

    await control('pick-several', 'hide');
    await goTo('pick-one');
    await onSlide(driver, slideOf('pick-one').position);
    const moved = nextEvent(room.presenter, 'state', (view) => (view as PresenterView).slideIndex === slideOf('pick-several').index);
    await driver.keyboard.press('ArrowRight');
    await moved;
    // The plain display follows the driving projector.
    await onSlide(display, slideOf('pick-several').position);
    // The presenter's view carries every result; the slide still waits for the reveal.
    await expect.poll(() => driver.locator(`${CURRENT} .handsup-live-count`).textContent(), { timeout: 1000 }).toBe('3 responses');
    expect(await driver.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);
    await context.close();
  });

  it('a preview frame for the console opens no socket and stays where it is put', async () => {
    const page = await room.context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const target = slideOf('after-close').position;
    await page.goto(`${room.server.url}/?view=preview&at=${target.h}.${target.v}.-1`);
    await page.waitForSelector('body[data-deck-ready="true"]');
    expect(await page.evaluate(() => (window as unknown as RevealOnPage).Reveal.getIndices())).toMatchObject(target);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (window as unknown as RevealOnPage).Reveal.getIndices())).toMatchObject(target);
    expect(sockets).toEqual([]);
    expect(await page.locator('.reveal .controls').isVisible()).toBe(false);
    await page.close();
  });
});

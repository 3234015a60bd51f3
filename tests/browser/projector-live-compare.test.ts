import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath } from '../support/browser.ts';
import { makeId } from '../support/clients.ts';
import { CURRENT_SLIDE as CURRENT, openProjectorRoom, presenterControls, presenterGoesTo, textsOf, type ProjectorRoom } from '../support/projector-room.ts';
import { TEST_PRESENTER_KEY } from '../support/server-process.ts';

/**
 * The built-in talk's before/after: "Do you hate networking?" is asked at the start
 * (hate-networking, never revealed) and again at the end (hate-networking-after,
 * `compare: hate-networking`). Answers are seeded through real phone sockets.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const BEFORE = deck.questions.find((question) => question.id === 'hate-networking')!;
const AFTER = deck.questions.find((question) => question.id === 'hate-networking-after')!;
const JOIN_SLIDE = deck.slides.find((slide) => slide.attributes.class?.includes('handsup-join'))!;
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

let room: ProjectorRoom;

async function goTo(position: { h: number; v: number }): Promise<void> {
  await presenterGoesTo(room, position);
}

async function seed(questionId: string, picks: number[]): Promise<void> {
  for (const [index, option] of picks.entries()) {
    const reply = await room.phones[index]!.timeout(5000).emitWithAck('answer:submit', { questionId, answerId: makeId('answer'), value: { options: [option] } });
    expect(reply.ok).toBe(true);
  }
}

/** Everything inside the slide area: reveal.js scales the 960×700 slide into the window. */
async function expectInsideWindow(page: Page, selector: string, viewport: { width: number; height: number }): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

beforeAll(async () => {
  room = await openProjectorRoom({ phones: 4 });
});

afterAll(async () => {
  await room?.close();
});

describe('the join slide', () => {
  it('shows a QR code made locally, the address on the network and the join code in large type', async () => {
    await goTo(JOIN_SLIDE.position);
    const panel = `${CURRENT} .handsup-join-panel`;
    await room.projector.waitForSelector(`${panel} svg`);
    expect(await room.projector.locator(`${panel} .handsup-join-qr`).getAttribute('aria-label')).toBe(`QR code for http://127.0.0.1:${room.server.port}/j/${room.joinCode}`);
    expect(await room.projector.locator(`${panel} .handsup-join-url`).textContent()).toBe(`127.0.0.1:${room.server.port}/j/${room.joinCode}`);
    expect(await room.projector.locator(`${panel} .handsup-join-code`).textContent()).toBe(room.joinCode);
    for (const viewport of VIEWPORTS) {
      await room.projector.setViewportSize(viewport);
      await room.projector.waitForTimeout(400);
      await expectInsideWindow(room.projector, `${CURRENT}`, viewport);
      // Large type: the code is at least a twelfth of the window's height.
      const codeHeight = (await room.projector.locator(`${panel} .handsup-join-code`).boundingBox())!.height;
      expect(codeHeight).toBeGreaterThan(viewport.height / 12);
      const qr = (await room.projector.locator(`${panel} .handsup-join-qr svg`).boundingBox())!;
      expect(qr.height).toBeGreaterThan(viewport.height * 0.4);
      await room.projector.screenshot({ path: artifactPath(`projector-join-${viewport.width}x${viewport.height}.png`) });
    }
    await room.projector.setViewportSize(VIEWPORTS[0]!);
  });
});

describe('a compare: question', () => {
  it('shows its results beside the earlier run’s, before and after, counts and percentages as text', async () => {
    await goTo(deck.slides[BEFORE.slideIndex]!.position);
    await seed(BEFORE.id, [0, 0, 2, 1]);
    await expect.poll(() => room.projector.locator(`${CURRENT} .handsup-live-count`).textContent(), { timeout: 1000 }).toBe('4 responses');
    // after-vote and not revealed: the first run stays off the projector on its own slide.
    expect(await room.projector.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);

    await goTo(deck.slides[AFTER.slideIndex]!.position);
    await seed(AFTER.id, [1, 1, 1, 2]);
    // The closing poll is after-vote like the opening one: the presenter reveals the before and after.
    await presenterControls(room, AFTER.id, 'reveal');
    const compare = `${CURRENT} .handsup-live-results.handsup-results--compare`;
    await expect.poll(() => textsOf(room.projector, `${compare} .handsup-results-run--after .handsup-bar`), { timeout: 1000 }).toEqual([
      'A. Yes, I hate it 0% 0 votes',
      'B. No, I enjoy it 75% 3 votes',
      'C. I hate networking, but I like building relationships 25% 1 vote',
    ]);
    expect(await textsOf(room.projector, `${compare} .handsup-results-run--before .handsup-bar`)).toEqual([
      'A. Yes, I hate it 50% 2 votes',
      'B. No, I enjoy it 25% 1 vote',
      'C. I hate networking, but I like building relationships 25% 1 vote',
    ]);
    expect(await textsOf(room.projector, `${compare} .handsup-results-run-label`)).toEqual(['Before', 'After']);
    expect(await textsOf(room.projector, `${compare} .handsup-results-total`)).toEqual(['4 responses', '4 responses']);

    for (const viewport of VIEWPORTS) {
      await room.projector.setViewportSize(viewport);
      await room.projector.waitForTimeout(1000);
      const before = (await room.projector.locator(`${compare} .handsup-results-run--before`).boundingBox())!;
      const after = (await room.projector.locator(`${compare} .handsup-results-run--after`).boundingBox())!;
      // Side by side: the same row, the earlier run on the left.
      expect(after.x).toBeGreaterThanOrEqual(before.x + before.width);
      expect(Math.abs(after.y - before.y)).toBeLessThan(2);
      await expectInsideWindow(room.projector, `${CURRENT} .handsup-question`, viewport);
      await room.projector.screenshot({ path: artifactPath(`projector-compare-${viewport.width}x${viewport.height}.png`) });
    }
    await room.projector.setViewportSize(VIEWPORTS[0]!);
  });

  it('and the presenter console shows the same before and after', async () => {
    const page = await room.browser.newPage({ viewport: VIEWPORTS[0] });
    await page.goto(`${room.server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
    await page.waitForSelector('.console-results.handsup-results--compare .handsup-bar');
    expect(await textsOf(page, '.console-results .handsup-results-run--before .handsup-bar-value')).toEqual(['50% 2 votes', '25% 1 vote', '25% 1 vote']);
    expect(await textsOf(page, '.console-results .handsup-results-run--after .handsup-bar-value')).toEqual(['0% 0 votes', '75% 3 votes', '25% 1 vote']);
    // The preview frames are the real deck, deep into it too, with the same live results.
    const now = page.frameLocator('#current-preview iframe');
    await expect.poll(() => now.locator('section.present:not(.stack) h2').first().textContent(), { timeout: 3000 }).toBe(deck.slides[AFTER.slideIndex]!.title);
    await expect.poll(() => now.locator('.handsup-results--compare .handsup-results-run--after .handsup-bar-percent').allTextContents(), { timeout: 3000 }).toEqual(['0%', '75%', '25%']);
    const next = page.frameLocator('#next-preview iframe');
    await expect.poll(() => next.locator('section.present:not(.stack) h2').first().textContent(), { timeout: 3000 }).toBe(deck.slides[AFTER.slideIndex + 1]!.title);
    await page.waitForTimeout(900);
    await page.screenshot({ path: artifactPath('console-compare-1280x720.png') });
    await page.close();
  });

  it('back on the first question’s slide, its results still wait for their own reveal', async () => {
    await goTo(deck.slides[BEFORE.slideIndex]!.position);
    await room.projector.waitForTimeout(300);
    expect(await room.projector.locator(`${CURRENT} .handsup-live-results`).isHidden()).toBe(true);
    expect(await room.projector.locator(`${CURRENT} .handsup-live-count`).textContent()).toBe('4 responses');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
let server: ServerProcess;
let browser: Browser;
let page: Page;

type RevealOnPage = { getTotalSlides(): number; getIndices(): { h: number; v: number } };

async function indices(): Promise<{ h: number; v: number }> {
  return page.evaluate(() => (window as unknown as { Reveal: RevealOnPage }).Reveal.getIndices());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-deck-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the projector page in Chromium', () => {
  it('shows every slide of the built-in talk, titled', async () => {
    const total = await page.evaluate(() => (window as unknown as { Reveal: RevealOnPage }).Reveal.getTotalSlides());
    expect(total).toBe(deck.slides.length);
    expect(await page.title()).toBe('Three Networking Disconnects');
    await expect(page.locator('.reveal .slides section.present h1').first().textContent()).resolves.toContain('Three Networking Disconnects');
    await page.screenshot({ path: artifactPath('projector-title.png') });
  });

  it('never has the speaker notes on the page', async () => {
    const html = await page.content();
    expect(await page.locator('aside.notes').count()).toBe(0);
    const someNotes = deck.slides.map((slide) => slide.notes.replace(/<[^>]+>/g, '').trim().slice(0, 40)).filter((text) => text.length > 20);
    expect(someNotes.length).toBeGreaterThan(5);
    for (const note of someNotes) expect(html).not.toContain(note);
  });

  it('moves with the arrow keys, down into vertical slides too', async () => {
    expect(await indices()).toMatchObject({ h: 0, v: 0 });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window as unknown as { Reveal: RevealOnPage }).Reveal.getIndices().h === 1);
    const stacked = deck.slides.find((slide) => slide.position.v === 1)!;
    await page.evaluate((h) => (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, 0), stacked.position.h);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (window as unknown as { Reveal: RevealOnPage }).Reveal.getIndices().v === 1);
    // Linear order (as the console's NEXT shows): ← walks back up the stack first, then to the slide before it.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (window as unknown as { Reveal: RevealOnPage }).Reveal.getIndices().v === 0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((h) => (window as unknown as { Reveal: RevealOnPage }).Reveal.getIndices().h === h - 1, stacked.position.h);
  });

  it('renders a question slide with its question and options', async () => {
    const question = deck.questions.find((q) => q.id === 'hate-networking')!;
    const slide = deck.slides[question.slideIndex]!;
    await page.evaluate(({ h, v }) => (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, v), slide.position);
    const current = page.locator('.reveal .slides section.present .handsup-question');
    await expect(current.locator('.handsup-question-text').textContent()).resolves.toBe('Do you hate networking?');
    const options = await current.locator('.handsup-options li').allTextContents();
    expect(options).toEqual(question.type === 'choice' ? question.options : []);
    await page.waitForTimeout(600);
    await page.screenshot({ path: artifactPath('projector-question.png') });
  });
});

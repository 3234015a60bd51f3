import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { onSlide } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * Moving the built-in talk from the console and from a projector that drives: → walks the
 * talk in the order the NEXT preview shows (reveal.js's linear navigation: every slide of a
 * vertical stack, fragments first), "Go to slide" reaches any slide, and the console works
 * as a remote on the narrowest phones without sideways scrolling.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const STACK_TOP = deck.slides.find((slide) => deck.slides.some((other) => other.position.h === slide.position.h && other.position.v === 1))!;
const INSIDE_STACK = deck.slides[STACK_TOP.index + 1]!;
const NEXT_COLUMN = deck.slides.find((slide) => slide.position.h === STACK_TOP.position.h + 1)!;
/** Every press of → from the first slide to the last: one per slide and one per fragment. */
const STEPS = deck.slides.map((slide) => ({ slide, f: -1 })).flatMap(({ slide }) => [
  { slide, f: -1 },
  ...Array.from({ length: slide.fragments }, (_, f) => ({ slide, f })),
]);

let server: ServerProcess;
let browser: Browser;
let presenterContext: BrowserContext;
let consolePage: Page;
let projector: Page;

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The console's own labels follow the server's state: wait for the slide counter to say so. */
async function consoleOnSlide(page: Page, index: number): Promise<void> {
  await page.waitForFunction((label) => document.querySelector('#slide-number')?.textContent === label, `Slide ${index + 1} of ${deck.slides.length}`, {
    timeout: 3000,
  });
}

async function consoleAt(page: Page, position: { h: number; v: number }, f: number): Promise<void> {
  await onSlide(projector, position, f, 3000);
  await consoleOnSlide(page, deck.slides.find((slide) => slide.position.h === position.h && slide.position.v === position.v)!.index);
  // A fragment step leaves the slide counter as it was: the NOW/NEXT titles say which step they describe.
  await page.waitForFunction((step) => document.body.dataset.step === step, `${position.h}/${position.v}/${f}`, { timeout: 3000 });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  consolePage = await presenterContext.newPage();
  await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
  await consolePage.waitForSelector('body[data-connection="live"]');
  // A display in its own browser: it follows the console.
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('→ goes to the next slide in the talk’s order', () => {
  it('on the slide that opens a vertical stack, NEXT shows the stack’s next slide and → goes there (not to the next column)', async () => {
    expect(INSIDE_STACK.position).toEqual({ h: STACK_TOP.position.h, v: 1 });
    await consolePage.keyboard.press('End');
    await consoleAt(consolePage, deck.slides.at(-1)!.position, deck.slides.at(-1)!.fragments - 1);
    // The go-to-slide list takes the talk to the stack's top slide.
    await consolePage.keyboard.press('g');
    await consolePage.waitForSelector('#jump-dialog[open]');
    await consolePage.click(`#jump-list [data-slide-index="${STACK_TOP.index}"]`);
    await consoleAt(consolePage, STACK_TOP.position, -1);
    expect(await text(consolePage, '#next-title')).toBe(INSIDE_STACK.title + (INSIDE_STACK.fragments > 0 ? ` · 0/${INSIDE_STACK.fragments} fragments` : ''));
    const nextFrame = consolePage.frameLocator('#next-preview iframe');
    await expect.poll(() => nextFrame.locator('section.present:not(.stack) h2').first().textContent(), { timeout: 3000 }).toBe(INSIDE_STACK.title);
    await consolePage.waitForTimeout(600);
    await consolePage.screenshot({ path: artifactPath('console-linear-1-stack-top.png') });

    await consolePage.keyboard.press('ArrowRight');
    await consoleAt(consolePage, INSIDE_STACK.position, -1);
    expect(await text(consolePage, '#current-title')).toContain(INSIDE_STACK.title);
    expect(NEXT_COLUMN.index).toBeGreaterThan(INSIDE_STACK.index + 1);
    await consolePage.waitForTimeout(600);
    await consolePage.screenshot({ path: artifactPath('console-linear-2-inside-stack.png') });
    await projector.screenshot({ path: artifactPath('console-linear-2-projector.png') });
    // ← comes back the same way: to the stack's top slide (it has no fragments to show).
    await consolePage.keyboard.press('ArrowLeft');
    await consoleAt(consolePage, STACK_TOP.position, STACK_TOP.fragments - 1);
  });

  it('from the first slide to the last, every → brings exactly what NEXT showed: every slide and fragment once', async () => {
    await consolePage.keyboard.press('Home');
    await consoleAt(consolePage, deck.slides[0]!.position, -1);
    for (let index = 1; index < STEPS.length; index += 1) {
      const shown = await text(consolePage, '#next-title');
      const { slide, f } = STEPS[index]!;
      const previous = STEPS[index - 1]!.slide;
      // NEXT names the step the next press brings: another fragment of this slide, or the next slide.
      if (slide === previous) expect(shown).toBe(`Same slide: fragment ${f + 1} of ${slide.fragments}`);
      else expect(shown.startsWith(slide.title)).toBe(true);
      await consolePage.keyboard.press('ArrowRight');
      await consoleAt(consolePage, slide.position, f);
    }
    expect(await text(consolePage, '#next-title')).toBe('End of the talk');
    // Nothing after the end.
    await consolePage.keyboard.press('ArrowRight');
    await consolePage.waitForTimeout(300);
    await onSlide(projector, deck.slides.at(-1)!.position, -1, 1000);
  });

  it('a projector that drives (the presenter’s browser) walks the same order with its own → and ↓', async () => {
    const driving = await presenterContext.newPage();
    await driving.goto(`${server.url}/`);
    await driving.waitForSelector('body[data-deck-ready="true"][data-live="drive"]');
    await consolePage.keyboard.press('g');
    await consolePage.click(`#jump-list [data-slide-index="${STACK_TOP.index}"]`);
    await onSlide(driving, STACK_TOP.position, -1, 3000);
    await driving.keyboard.press('ArrowRight');
    await onSlide(driving, INSIDE_STACK.position, -1, 3000);
    // The server took the move: the display and the console follow.
    await consoleAt(consolePage, INSIDE_STACK.position, -1);
    for (let f = 0; f < INSIDE_STACK.fragments; f += 1) {
      await driving.keyboard.press('ArrowDown');
      await onSlide(driving, INSIDE_STACK.position, f, 3000);
    }
    await driving.keyboard.press('ArrowDown');
    const after = deck.slides[INSIDE_STACK.index + 1]!;
    await consoleAt(consolePage, after.position, -1);
    await driving.screenshot({ path: artifactPath('console-linear-3-driving-projector.png') });
    await driving.close();
  });
});

describe('the console as a remote on a phone', () => {
  for (const width of [320, 360, 414]) {
    it(`${width} px wide: no sideways scrolling, the join code readable, go to slide by tapping the counter`, async () => {
      const remote = await presenterContext.newPage();
      await remote.setViewportSize({ width, height: 740 });
      await remote.goto(`${server.url}/presenter`);
      await remote.waitForSelector('body[data-connection="live"]');
      await remote.waitForFunction(() => /^[A-Z]{6}$/.test(document.getElementById('join-code')?.textContent ?? ''));
      const measured = await remote.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth,
        code: (() => {
          const box = document.getElementById('join-code')!.getBoundingClientRect();
          return { left: box.left, right: box.right, width: box.width };
        })(),
      }));
      expect(measured.innerWidth).toBe(width);
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.innerWidth);
      expect(measured.code.width).toBeGreaterThan(0);
      expect(measured.code.left).toBeGreaterThanOrEqual(0);
      expect(measured.code.right).toBeLessThanOrEqual(width);
      await remote.screenshot({ path: artifactPath(`console-remote-${width}.png`) });
      // The Downloads menu, opened, stays on the screen.
      await remote.click('#downloads > summary');
      expect(await remote.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
      const menu = (await remote.locator('.console-downloads-menu').boundingBox())!;
      expect(menu.x).toBeGreaterThanOrEqual(0);
      expect(menu.x + menu.width).toBeLessThanOrEqual(width);
      await remote.screenshot({ path: artifactPath(`console-remote-${width}-downloads.png`) });
      await remote.click('#downloads > summary');

      await remote.click('#nav-position');
      await remote.waitForSelector('#jump-dialog[open]');
      const list = (await remote.locator('#jump-dialog').boundingBox())!;
      expect(list.x + list.width).toBeLessThanOrEqual(width);
      await remote.screenshot({ path: artifactPath(`console-remote-${width}-go-to-slide.png`) });
      await remote.click(`#jump-list [data-slide-index="${INSIDE_STACK.index}"]`);
      await consoleAt(remote, INSIDE_STACK.position, -1);
      await remote.close();
    });
  }
});

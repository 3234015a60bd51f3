import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceView } from '../../protocol/session.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { onSlide } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

// Waits here say that something arrives, not how fast: a hang guard, not a latency budget
// (the benches measure speed; on a shared machine a 1 s budget fails on the scheduler).
const ARRIVES = { timeout: 20_000 };

/**
 * The whole room in one run on the built-in talk: a presenter console, a projector and
 * three phones — one the real phone app in Chromium, two real sockets.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const POLL = deck.questions.find((question) => question.id === 'hate-networking')!;
const POLL_SLIDE = deck.slides[POLL.slideIndex]!;
const JOIN_SLIDE = deck.slides.find((slide) => slide.attributes.class?.includes('handsup-join'))!;
const OPTIONS = POLL.type === 'choice' ? POLL.options : [];
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!).replace(/\s+/g, ' ').trim();

let server: ServerProcess;
let browser: Browser;
let consoleContext: BrowserContext;
let consolePage: Page;
let projector: Page;
let phonePage: Page;
/** The two socket phones (the third phone is phonePage). */
const phones: { socket: TestSocket; views: AudienceView[] }[] = [];
let step = 0;

type RevealOnPage = { Reveal: { getIndices(): { h: number; v: number; f?: number } } };

async function projectorAt(): Promise<{ h: number; v: number; f: number }> {
  const { h, v, f } = await projector.evaluate(() => (window as unknown as RevealOnPage).Reveal.getIndices());
  return { h, v: v ?? 0, f: f ?? -1 };
}

function projectorReaches(position: { h: number; v: number }, f = -1, timeout?: number) {
  return onSlide(projector, position, f, timeout);
}

/** Console, projector and phone screenshots, and the socket phones' latest state, for each step of the story. */
async function snapshot(name: string): Promise<void> {
  step += 1;
  const prefix = `console-e2e-${String(step).padStart(2, '0')}-${name}`;
  await Promise.all([
    consolePage.screenshot({ path: artifactPath(`${prefix}-console.png`) }),
    projector.screenshot({ path: artifactPath(`${prefix}-projector.png`) }),
    phonePage.screenshot({ path: artifactPath(`${prefix}-phone.png`) }),
  ]);
  writeFileSync(artifactPath(`${prefix}-socket-phones.json`), JSON.stringify(phones.map((phone) => phone.views.at(-1)), null, 2));
}

async function consoleText(selector: string): Promise<string> {
  return (await consolePage.locator(selector).first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}

async function barTexts(page: Page, scope: string): Promise<string[]> {
  return (await page.locator(`${scope} .handsup-bar`).allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phonePage = await phoneContext.newPage();
  await phonePage.goto(`${server.url}/j/${joinCode}`);
  // The talk has a quiz, so the phone asks for a nickname first.
  await phonePage.waitForSelector('body[data-screen="nickname"]');
  await phonePage.getByLabel('Nickname').fill('Grace');
  await phonePage.getByRole('button', { name: 'Continue' }).tap();
  await phonePage.waitForSelector('body[data-screen="waiting"]');
  for (let index = 0; index < 2; index += 1) {
    const { socket, view } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') });
    const phone = { socket, views: [view as AudienceView] };
    socket.on('state', (next) => phone.views.push(next as AudienceView));
    phones.push(phone);
  }
  consoleContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  consolePage = await consoleContext.newPage();
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  projector = await projectorContext.newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
});

afterAll(async () => {
  for (const phone of phones) phone.socket.close();
  await browser?.close();
  await server?.stop();
});

describe('the presenter console with a projector and three phones', () => {
  it('opens for the key, drops the key from the address and shows the talk', async () => {
    await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
    expect(consolePage.url()).toBe(`${server.url}/presenter`);
    await consolePage.waitForSelector('body[data-connection="live"]');
    expect(await consolePage.evaluate(() => document.cookie)).toBe('');
    expect(await consolePage.content()).not.toContain(TEST_PRESENTER_KEY);
    await consolePage.waitForFunction(() => document.getElementById('participants')?.textContent === '3');
    expect(await consoleText('#slide-number')).toBe(`Slide 1 of ${deck.slides.length}`);
    expect(await consoleText('#notes')).toContain(text(deck.slides[0]!.notes).slice(0, 60));
    expect(await consoleText('#next-title')).toBe(JOIN_SLIDE.title);
    await consolePage.waitForSelector('#current-preview iframe');
    await consolePage.waitForSelector('#next-preview iframe');
    expect(await projector.evaluate(() => document.body.dataset.live)).toBe('display');
    await consolePage.waitForTimeout(800);
    await snapshot('start');
  });

  it('previews the real slides: the next frame shows the next slide', async () => {
    const next = consolePage.frameLocator('#next-preview iframe');
    await expect.poll(() => next.locator('section.present h2').first().textContent(), ARRIVES).toBe(JOIN_SLIDE.title);
    const current = consolePage.frameLocator('#current-preview iframe');
    await expect.poll(() => current.locator('section.present h1').first().textContent(), ARRIVES).toBe(deck.slides[0]!.title);
  });

  it('advances: the projector and the phones follow', async () => {
    const phonesOnJoin = phones.map(({ socket }) => nextEvent(socket, 'state', (view) => view.slideIndex === JOIN_SLIDE.index));
    const phonePageOnJoin = phonePage.waitForFunction((title) => document.querySelector('.slide-title')?.textContent === title, JOIN_SLIDE.title);
    await Promise.all([(async () => consolePage.keyboard.press('ArrowRight'))(), projectorReaches(JOIN_SLIDE.position), ...phonesOnJoin, phonePageOnJoin]);
    await projector.waitForSelector('section.present .handsup-join-panel svg');
    expect(await projector.locator('section.present .handsup-join-code').textContent()).toMatch(/^[A-Z]{6}$/);
    await projector.waitForTimeout(500);
    await snapshot('join-slide');

    const phonesOnPoll = phones.map(({ socket }) =>
      nextEvent(socket, 'state', (view) => view.role === 'audience' && view.question?.id === POLL.id && view.questionState?.status === 'open'),
    );
    const phonePageOnPoll = phonePage.waitForSelector('body[data-screen="question"] [data-question-status="open"]');
    await Promise.all([(async () => consolePage.keyboard.press('PageDown'))(), projectorReaches(POLL_SLIDE.position), ...phonesOnPoll, phonePageOnPoll]);
    expect(await phonePage.locator('h1').textContent()).toBe(POLL.question);
    const live = projector.locator('section.present .handsup-question');
    await expect.poll(() => live.locator('.handsup-live-count').textContent(), ARRIVES).toBe('0 responses');
    expect(await live.locator('.handsup-live-status').textContent()).toBe('Voting open');
    expect(await live.locator('.handsup-live-join').textContent()).toMatch(/^Join at .+\/join · code [A-Z]{6}$/);
    expect(await consoleText('#question-body .console-question-text')).toBe(POLL.question);
    expect(await consoleText('.console-pill[data-status]')).toBe('Voting open');
    await snapshot('poll-open');
  });

  it('phones answer: the console shows the counts; the projector only the response count', async () => {
    // The phone app's tap, then the two socket phones.
    await phonePage.getByRole('button', { name: OPTIONS[0]!, exact: true }).tap();
    await phonePage.waitForSelector('.answer-status[data-status="received"]');
    for (const phone of phones) {
      const reply = await phone.socket.timeout(5000).emitWithAck('answer:submit', { questionId: POLL.id, answerId: makeId('answer'), value: { options: [2] } });
      expect(reply.ok).toBe(true);
    }
    await consolePage.waitForFunction(() => document.querySelector('.console-responses-count')?.textContent === '3');
    await expect.poll(() => barTexts(consolePage, '.console-results'), ARRIVES).toEqual([
      `A. ${OPTIONS[0]} 33% 1 vote`,
      `B. ${OPTIONS[1]} 0% 0 votes`,
      `C. ${OPTIONS[2]} 67% 2 votes`,
    ]);
    const live = projector.locator('section.present .handsup-question');
    await expect.poll(() => live.locator('.handsup-live-count').textContent(), ARRIVES).toBe('3 responses');
    // after-vote: the room does not see the split before the presenter reveals it.
    expect(await live.locator('.handsup-live-results').isHidden()).toBe(true);
    expect(await live.locator('.handsup-options li').count()).toBe(3);
    await consolePage.waitForTimeout(900);
    await snapshot('answered');
  });

  it('reveal: the projector shows the bars, each option with its count and percentage as text', async () => {
    await consolePage.click('[data-control="reveal"]');
    const bars = 'section.present .handsup-live-results';
    await projector.waitForSelector(`${bars} .handsup-bar`);
    expect(await barTexts(projector, bars)).toEqual([
      `A. ${OPTIONS[0]} 33% 1 vote`,
      `B. ${OPTIONS[1]} 0% 0 votes`,
      `C. ${OPTIONS[2]} 67% 2 votes`,
    ]);
    expect(await projector.locator('section.present .handsup-options').isHidden()).toBe(true);
    // The bars grow to their widths (animated), proportional to the percentages.
    await projector.waitForTimeout(1000);
    const widths = await projector.$$eval(`${bars} .handsup-bar`, (items) =>
      items.map((item) => {
        const fill = item.querySelector<HTMLElement>('.handsup-bar-fill')!;
        return Math.round((fill.getBoundingClientRect().width / fill.parentElement!.getBoundingClientRect().width) * 100);
      }),
    );
    expect(widths).toEqual([33, 0, 67]);
    expect(await consoleText('[data-revealed]')).toBe('Results on the projector');
    expect(await consoleText('[data-control="reveal"]')).toBe('Hide results');
    await snapshot('revealed');
  });

  it('close: the phones show closed and an answer is refused', async () => {
    const closed = phones.map(({ socket }) =>
      nextEvent(socket, 'state', (view) => view.role === 'audience' && view.questionState?.status === 'closed'),
    );
    const phonePageClosed = phonePage.waitForSelector('[data-question-status="closed"] .closed-note', { state: 'visible' });
    await Promise.all([consolePage.click('[data-control="voting"]'), ...closed, phonePageClosed]);
    const late = await phones[0]!.socket.timeout(5000).emitWithAck('answer:submit', { questionId: POLL.id, answerId: makeId('answer'), value: { options: [1] } });
    expect(late).toMatchObject({ ok: false, code: 'closed' });
    await expect.poll(() => consoleText('.console-pill[data-status]'), ARRIVES).toBe('Voting closed');
    expect(await consoleText('[data-control="voting"]')).toBe('Reopen voting');
    await expect.poll(() => projector.locator('section.present .handsup-live-status').textContent(), ARRIVES).toBe('Voting closed');
    await snapshot('closed');
  });

  it('reload of the console: everything is back from the server', async () => {
    const elapsedBefore = await consoleText('#elapsed');
    await consolePage.reload();
    await consolePage.waitForSelector('body[data-connection="live"]');
    await consolePage.waitForFunction(() => document.querySelector('.console-responses-count')?.textContent === '3');
    expect(await consoleText('#slide-number')).toBe(`Slide ${POLL_SLIDE.index + 1} of ${deck.slides.length}`);
    expect(await consoleText('.console-pill[data-status]')).toBe('Voting closed');
    expect(await consoleText('[data-revealed]')).toBe('Results on the projector');
    expect(await barTexts(consolePage, '.console-results')).toEqual([
      `A. ${OPTIONS[0]} 33% 1 vote`,
      `B. ${OPTIONS[1]} 0% 0 votes`,
      `C. ${OPTIONS[2]} 67% 2 votes`,
    ]);
    expect(await consoleText('#participants')).toBe('3');
    expect(await consoleText('#notes')).toContain(text(POLL_SLIDE.notes).slice(0, 60));
    // The timer lives on in this browser; it started when the talk left its first slide.
    expect(await consoleText('#elapsed')).not.toBe('0:00');
    expect(elapsedBefore).not.toBe('0:00');
    await consolePage.waitForTimeout(800);
    await snapshot('console-reloaded');
  });

  it('keys move the talk in step with the projector: PageDown, Space, PageUp, arrows', async () => {
    const fragments = deck.slides[POLL_SLIDE.index + 1]!;
    expect(fragments.fragments).toBe(3);
    const moves: [string, { h: number; v: number }, number][] = [
      ['PageDown', fragments.position, -1],
      ['Space', fragments.position, 0],
      ['ArrowRight', fragments.position, 1],
      ['PageUp', fragments.position, 0],
      ['ArrowLeft', fragments.position, -1],
      ['ArrowLeft', POLL_SLIDE.position, -1],
    ];
    for (const [key, position, f] of moves) {
      await consolePage.keyboard.press(key);
      await projectorReaches(position, f);
    }
    expect(await projectorAt()).toEqual({ ...POLL_SLIDE.position, f: -1 });

    // Every arrow walks the talk in reading order (reveal.js's linear navigation): → goes down
    // into a vertical stack rather than past it, ↑ comes back, fragments first.
    const below = deck.slides.find((slide) => slide.position.v === 1)!;
    const top = deck.slides.find((slide) => slide.position.h === below.position.h && slide.position.v === 0)!;
    let presses = 0;
    for (let index = POLL_SLIDE.index; index < top.index; index += 1) presses += deck.slides[index]!.fragments + 1;
    for (let press = 0; press < presses; press += 1) await consolePage.keyboard.press('ArrowRight');
    await projectorReaches(top.position, -1);
    for (let press = 0; press <= top.fragments; press += 1) await consolePage.keyboard.press('ArrowRight');
    await projectorReaches(below.position);
    await consolePage.keyboard.press('ArrowUp');
    await projectorReaches(top.position, top.fragments - 1);
    await consolePage.keyboard.press('ArrowDown');
    await projectorReaches(below.position);
    // The console's own label follows the server's state, which may land a moment after the projector's.
    const label = `Slide ${below.index + 1} of ${deck.slides.length}`;
    await consolePage.waitForFunction((text) => document.querySelector('#slide-number')?.textContent === text, label);
    expect(await consoleText('#slide-number')).toBe(label);
  });

  it('reset asks first: cancel keeps the answers, confirm clears them', async () => {
    await consolePage.keyboard.press('Home');
    await projectorReaches(deck.slides[0]!.position);
    await consolePage.keyboard.press('ArrowRight');
    await consolePage.keyboard.press('ArrowRight');
    await projectorReaches(POLL_SLIDE.position);
    await consolePage.waitForFunction(() => document.querySelector('.console-responses-count')?.textContent === '3');
    await consolePage.click('[data-control="reset"]');
    await consolePage.waitForSelector('#confirm-dialog[open]');
    expect(await consoleText('#confirm-title')).toBe(`Reset “${POLL.question}”?`);
    expect(await consoleText('#confirm-message')).toContain('deletes its 3 answers');
    await snapshot('reset-confirmation');
    await consolePage.click('#confirm-dialog button[value="cancel"]');
    await consolePage.waitForTimeout(300);
    expect(await consoleText('.console-responses-count')).toBe('3');

    await consolePage.click('[data-control="reset"]');
    await consolePage.click('#confirm-accept');
    await consolePage.waitForFunction(() => document.querySelector('.console-responses-count')?.textContent === '0');
    expect(await consoleText('.console-pill[data-status]')).toBe('Voting open');
    await expect.poll(() => projector.locator('section.present .handsup-live-count').textContent(), ARRIVES).toBe('0 responses');
  });

  it('the timer pauses, resumes and resets', async () => {
    await consolePage.click('#timer-toggle');
    expect(await consoleText('#timer-toggle')).toBe('Resume');
    const paused = await consoleText('#elapsed');
    await consolePage.waitForTimeout(1200);
    expect(await consoleText('#elapsed')).toBe(paused);
    await consolePage.click('#timer-reset');
    expect(await consoleText('#elapsed')).toBe('0:00');
    await consolePage.click('#timer-toggle');
    expect(await consoleText('#timer-toggle')).toBe('Pause');
    await consolePage.waitForFunction(() => document.getElementById('elapsed')?.textContent === '0:01', undefined, { timeout: 2500 });
    expect(await consoleText('#clock')).toMatch(/\d{1,2}:\d{2}/);
  });

  it('fits 1280×720 and 1920×1080 without overflow', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await consolePage.setViewportSize(viewport);
      await projector.setViewportSize(viewport);
      await consolePage.waitForTimeout(400);
      const overflow = await consolePage.evaluate(() => ({
        x: document.documentElement.scrollWidth - innerWidth,
        y: document.documentElement.scrollHeight - innerHeight,
        nav: document.querySelector('.console-nav')!.getBoundingClientRect().bottom - innerHeight,
      }));
      expect(overflow).toEqual({ x: 0, y: 0, nav: 0 });
      await consolePage.screenshot({ path: artifactPath(`console-${viewport.width}x${viewport.height}.png`) });
      await projector.screenshot({ path: artifactPath(`projector-question-${viewport.width}x${viewport.height}.png`) });
    }
    await consolePage.setViewportSize({ width: 1280, height: 720 });
  });

  it('works as a remote on a phone (390×844): big buttons, no previews, no sideways scrolling', async () => {
    const remote = await consoleContext.newPage();
    await remote.setViewportSize({ width: 390, height: 844 });
    await remote.goto(`${server.url}/presenter`);
    await remote.waitForSelector('body[data-connection="live"]');
    await remote.waitForSelector('.console-results .handsup-bar');
    expect(await remote.locator('iframe').count()).toBe(0);
    expect(await remote.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const next = await remote.locator('#go-next').boundingBox();
    expect(next!.height).toBeGreaterThanOrEqual(56);
    expect(next!.y + next!.height).toBeLessThanOrEqual(844);
    const control = await remote.locator('[data-control="voting"]').boundingBox();
    expect(control!.height).toBeGreaterThanOrEqual(48);
    await remote.screenshot({ path: artifactPath('console-phone-390x844.png') });
    // The notes below: scrolled, as a presenter would (the nav bar stays at the bottom).
    await remote.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect((await remote.locator('#go-next').boundingBox())!.y + next!.height).toBeLessThanOrEqual(844);
    await remote.screenshot({ path: artifactPath('console-phone-390x844-scrolled.png') });
    await remote.evaluate(() => window.scrollTo(0, 0));

    await remote.click('#go-next');
    const fragmentsSlide = deck.slides[POLL_SLIDE.index + 1]!;
    await projectorReaches(fragmentsSlide.position);
    await expect.poll(() => consoleText('#slide-number'), ARRIVES).toBe(`Slide ${fragmentsSlide.index + 1} of ${deck.slides.length}`);
    await remote.click('#go-previous');
    await projectorReaches(POLL_SLIDE.position);
    await remote.close();
  });
});

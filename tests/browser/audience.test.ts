import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../support/phone-strings.ts';
import type { AudienceView } from '../../protocol/session.ts';
import { launchBrowser } from '../support/browser.ts';
import { connectClient, makeId } from '../support/clients.ts';
import { ROOT, startServer, type ServerProcess } from '../support/server-process.ts';
import {
  answerStatuses,
  eventually,
  expectAccessible,
  expectAnnounced,
  fitReport,
  joinCodeOf,
  LIVE_DECK,
  networkSwitch,
  newPhone,
  Presenter,
  screenOf,
  screenshot,
  SLIDE,
  waitForScreen,
  type Phone,
} from './audience-phone.ts';

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
const phones: Phone[] = [];

async function phone(options: BrowserContextOptions = {}): Promise<Phone> {
  const made = await newPhone(browser, options);
  phones.push(made);
  return made;
}

async function openTalk(page: Page): Promise<void> {
  await page.goto(`${server.url}/j/${joinCode}`);
}

const option = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const statusLine = (page: Page) => page.locator('.answer-status');

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForSelector(`.answer-status[data-status="${status}"]`, { timeout: 10_000 });
}

/** The text of each results row: "Red (your answer)" → "1 vote, 100%". */
async function resultRows(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.results:not([hidden]) .tally')].map((row) => [
        row.querySelector('.tally-label')!.textContent,
        row.querySelector('.tally-figure')!.textContent,
      ]),
    ),
  );
}

async function resultsVisible(page: Page): Promise<boolean> {
  return page.locator('.results').isVisible();
}

/** Which element has focus, by its role and name as a person would know it. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
    return `${element.tagName.toLowerCase()}:${(label ?? element.closest('label')?.textContent ?? element.textContent ?? '').trim()}`;
  });
}

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { context } of phones) await context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('loading on a slow network', () => {
  it('sends the page\'s JS and CSS gzipped to browsers that accept it, and plain to others', async () => {
    const html = await (await fetch(`${server.url}/join`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const built = readFileSync(join(ROOT, 'dist', asset), 'utf8');
      const gzipped = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzipped.headers.get('content-encoding'), asset).toBe('gzip');
      expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(built));
      expect(await gzipped.text()).toBe(built);
      const plain = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding'), asset).toBeNull();
      expect(await plain.text()).toBe(built);
    }
    // Only files inside dist/assets are served this way.
    const outside = await fetch(`${server.url}/assets/%2e%2e/deck.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(outside.headers.get('content-encoding')).toBeNull();
  });
});

describe('joining a talk', () => {
  it('joins by the typed code, in any case and with spaces or dashes', async () => {
    const { page } = await phone();
    await page.goto(`${server.url}/join`);
    await waitForScreen(page, 'join');
    // The page says which language it speaks: the phone's own English (its locale is en-US).
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    await expectAccessible(page, 'join');
    await screenshot(page, 'join');

    // Keyboard order: the code field, then the Join button.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input:Code');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Join');

    await page.getByLabel(en.joinCodeLabel).fill(` ${joinCode.slice(0, 3).toLowerCase()} - ${joinCode.slice(3).toLowerCase()}`);
    await page.getByRole('button', { name: en.joinButton }).tap();
    await waitForScreen(page, 'waiting');
    expect(new URL(page.url()).pathname).toBe(`/j/${joinCode}`);
    expect(await page.locator('h1').textContent()).toBe('Live test deck');
    expect(await page.locator('.slide-title').textContent()).toBe('Live test deck');
    // The deck has no quiz (its views carry no score), so no nickname is asked.
    expect(await page.locator('.nickname-form').count()).toBe(0);
    await expectAccessible(page, 'waiting');
    await screenshot(page, 'waiting');
  });

  it('shows "joining…" until the server answers', async () => {
    const { page } = await phone();
    // Hold the connection: the WebSocket reaches no server and long-polling gets no answer.
    await page.routeWebSocket(/\/socket\.io\//, () => undefined);
    await page.route(/\/socket\.io\//, () => undefined);
    await openTalk(page);
    await waitForScreen(page, 'connecting');
    expect(await page.locator('h1').textContent()).toBe(en.joining);
    await expectAccessible(page, 'joining');
    await screenshot(page, 'joining');
  });

  it('joins over long-polling when the network blocks WebSockets, sending the load balancer\'s cookie with every poll', async () => {
    const { context, page } = await phone();
    // A load balancer that sticks by cookie (docs/scale-out.md) set this one on the page's first answer.
    await context.addCookies([{ name: 'HANDSUP_NODE', value: 'node2', url: server.url }]);
    // Every WebSocket fails its handshake, as behind a proxy that does not pass them.
    await page.addInitScript(() => {
      class BlockedWebSocket extends EventTarget {
        static readonly CONNECTING = 0;
        static readonly OPEN = 1;
        static readonly CLOSING = 2;
        static readonly CLOSED = 3;
        readyState = 0;
        binaryType = 'blob';
        onopen: ((event: Event) => void) | null = null;
        onmessage: ((event: MessageEvent) => void) | null = null;
        onerror: ((event: Event) => void) | null = null;
        onclose: ((event: CloseEvent) => void) | null = null;
        constructor() {
          super();
          setTimeout(() => {
            this.readyState = 3;
            this.onerror?.(new Event('error'));
            this.onclose?.(new CloseEvent('close', { code: 1006 }));
          }, 50);
        }
        send(): void {
          throw new Error('WebSocket is not open');
        }
        close(): void {}
      }
      Object.assign(window, { WebSocket: BlockedWebSocket });
    });
    // Polls that got their answer (a long poll still open has none yet): the handshake's at least.
    const isPoll = (request: Request) => request.url().includes('transport=polling');
    const polls: Request[] = [];
    const answered = (request: Request) => isPoll(request) && polls.push(request);
    page.on('requestfinished', answered);
    const handshake = page.waitForEvent('requestfinished', { predicate: isPoll });
    await openTalk(page);
    await waitForScreen(page, 'waiting');
    await page.waitForSelector('body[data-connection="online"]');
    await handshake;
    page.off('requestfinished', answered);
    expect(polls.length).toBeGreaterThan(0);
    // Polls go over fetch(), which sends cookies only when asked (protocol/live-socket.ts).
    // allHeaders: the headers the browser sent, cookies included.
    for (const poll of polls) expect((await poll.allHeaders()).cookie ?? 'no cookie', poll.url()).toContain('HANDSUP_NODE=node2');
  });

  it('says what is wrong with a wrong code, typed or in the link', async () => {
    const { page } = await phone();
    const wrong = joinCode === 'QQQQQQ' ? 'WWWWWW' : 'QQQQQQ';
    await page.goto(`${server.url}/join`);
    await waitForScreen(page, 'join');
    const field = page.getByLabel(en.joinCodeLabel);
    const problem = page.locator('.join-screen .problem');

    await field.fill('ab1');
    await page.getByRole('button', { name: en.joinButton }).tap();
    expect(await problem.textContent()).toBe(en.joinCodeMalformed('ab1'));

    await field.fill(wrong.toLowerCase());
    await page.getByRole('button', { name: en.joinButton }).tap();
    await page.waitForFunction((text) => document.querySelector('.join-screen .problem')?.textContent === text, en.joinCodeNotFound(wrong));
    expect(await page.getByLabel(en.joinCodeLabel).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(en.joinCodeLabel).inputValue()).toBe(wrong);
    expect(await focused(page)).toBe('input:Code');
    await expectAnnounced(page, en.joinCodeNotFound(wrong));
    await expectAccessible(page, 'wrong code');
    await screenshot(page, 'wrong-code');

    await page.goto(`${server.url}/j/${wrong}`);
    await page.waitForFunction((text) => document.querySelector('.join-screen .problem')?.textContent === text, en.joinCodeNotFound(wrong));
    expect(new URL(page.url()).pathname).toBe('/join');
  });
});

describe('answering a single-choice question (results live)', () => {
  let phoneA: Phone;
  let page: Page;

  it('joins by the link and shows the question when the presenter reaches it', async () => {
    await presenter.goTo(SLIDE.title);
    await presenter.control('pick-one', 'reset');
    phoneA = await phone();
    page = phoneA.page;
    await openTalk(page);
    await waitForScreen(page, 'waiting');
    await presenter.goTo(SLIDE.pickOne);
    await waitForScreen(page, 'question');
    expect(await page.locator('h1').textContent()).toBe('Pick one');
    for (const name of ['Red', 'Green', 'Blue']) expect(await option(page, name).getAttribute('aria-pressed')).toBe('false');
    await expectAnnounced(page, en.announceQuestionOpened('Pick one'));
    expect(await page.locator('.responses').textContent()).toBe('0 responses');
    await expectAccessible(page, 'question');
    await screenshot(page, 'question');
  });

  it('shows "sending…" then "answer received", and the presenter counts it', async () => {
    await option(page, 'Red').tap();
    await waitForStatus(page, 'received');
    expect(await answerStatuses(page)).toEqual(['none', 'sending', 'received']);
    expect(await statusLine(page).textContent()).toBe(en.statusReceivedCanChange);
    expect(await option(page, 'Red').getAttribute('aria-pressed')).toBe('true');
    await expectAnnounced(page, en.announceAnswerReceived);
    expect(await presenter.counts('pick-one')).toEqual({ responses: 1, options: { Red: 1, Green: 0, Blue: 0 } });
    await page.waitForFunction(() => document.querySelector('.responses')?.textContent === '1 response');
    expect(await resultRows(page)).toEqual({ 'Red (your answer)': '1 vote, 100%', Green: '0 votes, 0%', Blue: '0 votes, 0%' });
    await expectAccessible(page, 'answered, results');
    await screenshot(page, 'answered');
  });

  it('changes the answer: the latest tap counts, and the phone still counts once', async () => {
    await option(page, 'Green').tap();
    await eventually(() => presenter.counts('pick-one'), { responses: 1, options: { Red: 0, Green: 1, Blue: 0 } });
    await waitForStatus(page, 'received');
    expect(await option(page, 'Green').getAttribute('aria-pressed')).toBe('true');
    expect(await option(page, 'Red').getAttribute('aria-pressed')).toBe('false');
    await page.waitForFunction(() => document.querySelector('.tally.own .tally-label')?.textContent === 'Green (your answer)');
  });

  it('keeps the participant and its answer across a reload', async () => {
    const participantBefore = await page.evaluate((code) => localStorage.getItem(`handsup:participant:${code}`), joinCode);
    await page.reload();
    await waitForScreen(page, 'question');
    await waitForStatus(page, 'received');
    expect(await option(page, 'Green').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate((code) => localStorage.getItem(`handsup:participant:${code}`), joinCode)).toBe(participantBefore);
    expect(participantBefore).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await presenter.counts('pick-one')).toEqual({ responses: 1, options: { Red: 0, Green: 1, Blue: 0 } });
  });

  it('keeps a tap made offline, shows it pending, and counts it once when back online', async () => {
    const network = await networkSwitch(phoneA);
    await network.offline();
    await page.waitForSelector('body[data-connection="offline"]');
    expect(await page.locator('#status-banner').textContent()).toBe(en.offlineBanner);
    await expectAnnounced(page, en.announceOffline);

    await option(page, 'Blue').tap();
    await waitForStatus(page, 'queued');
    expect(await statusLine(page).textContent()).toBe(en.statusQueued);
    expect(await option(page, 'Blue').getAttribute('aria-pressed')).toBe('true');
    const stored = await page.evaluate((code) => localStorage.getItem(`handsup:pending:${code}`), joinCode);
    const [pending] = JSON.parse(stored!) as { questionId: string; answerId: string; value: unknown }[];
    expect(pending).toEqual({ questionId: 'pick-one', answerId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), value: { options: [2] } });
    await page.waitForTimeout(300);
    expect(await presenter.counts('pick-one')).toEqual({ responses: 1, options: { Red: 0, Green: 1, Blue: 0 } });
    await expectAccessible(page, 'offline');
    await screenshot(page, 'offline');

    await network.online();
    await waitForStatus(page, 'received');
    await page.waitForSelector('body[data-connection="online"]');
    expect(await page.locator('#status-banner').isVisible()).toBe(false);
    await expectAnnounced(page, en.announceOnline);
    await eventually(() => presenter.counts('pick-one'), { responses: 1, options: { Red: 0, Green: 0, Blue: 1 } });
    expect(await page.evaluate((code) => localStorage.getItem(`handsup:pending:${code}`), joinCode)).toBeNull();

    // The answer the server holds is the one made offline, under the id it was made with.
    const participantId = await page.evaluate((code) => localStorage.getItem(`handsup:participant:${code}`)!, joinCode);
    const twin = await connectClient(server.url, { role: 'audience', joinCode, participantId });
    twin.socket.close();
    expect((twin.view as AudienceView).ownAnswer).toMatchObject({ answerId: pending!.answerId, value: { options: [2] } });
  });
});

describe('results only when the question allows', () => {
  it('multiple choice, results after voting: toggles, Send, and results once this phone has voted', async () => {
    await presenter.control('pick-several', 'reset');
    await presenter.goTo(SLIDE.pickSeveral);
    const { page } = await phone();
    await openTalk(page);
    await waitForScreen(page, 'question');
    expect(await page.locator('h1').textContent()).toBe('Pick several');
    expect(await page.locator('.results-hint').textContent()).toBe(en.resultsAfterVote);

    // Someone else votes: this phone, which has not, still sees no results.
    const other = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') });
    const reply = await other.socket.timeout(5000).emitWithAck('answer:submit', {
      questionId: 'pick-several',
      answerId: makeId('answer'),
      value: { options: [1] },
    });
    other.socket.close();
    expect(reply.ok).toBe(true);
    await page.waitForTimeout(500);
    expect(await resultsVisible(page)).toBe(false);
    await expectAccessible(page, 'multiple choice');
    await screenshot(page, 'multiple');

    // Keyboard order: the toggles in reading order, then Send.
    await page.locator('h1').focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual(['input:Tea', 'input:Coffee', 'input:Water', 'input:Juice', 'button:Send']);

    await page.getByRole('button', { name: en.sendButton }).tap();
    expect(await page.locator('.choice .problem').textContent()).toBe(en.sendNothingChosen);
    expect(await page.locator('.choice .problem').isVisible()).toBe(true);

    await page.getByLabel('Tea').tap();
    await page.getByLabel('Water').tap();
    await page.getByRole('button', { name: en.sendButton }).tap();
    await waitForStatus(page, 'received');
    await page.waitForSelector('.results:not([hidden])');
    await page.waitForFunction(() => document.querySelector('.responses')?.textContent === '2 responses');
    expect(await resultRows(page)).toEqual({
      'Tea (your answer)': '1 vote, 50%',
      Coffee: '1 vote, 50%',
      'Water (your answer)': '1 vote, 50%',
      Juice: '0 votes, 0%',
    });
    await expectAnnounced(page, en.announceResultsShown);
    expect(await presenter.counts('pick-several')).toEqual({ responses: 2, options: { Tea: 1, Coffee: 1, Water: 1, Juice: 0 } });
    await expectAccessible(page, 'multiple choice results');
    await screenshot(page, 'multiple-results');

    await page.getByLabel('Water').tap();
    await page.getByLabel('Juice').tap();
    await page.getByRole('button', { name: en.sendButton }).tap();
    await eventually(() => presenter.counts('pick-several'), { responses: 2, options: { Tea: 1, Coffee: 1, Water: 0, Juice: 1 } });
  });

  it('results after close: hidden while voting, shown when closed; a closed question takes no taps', async () => {
    await presenter.control('after-close', 'reset');
    await presenter.goTo(SLIDE.afterClose);
    const { page } = await phone();
    await openTalk(page);
    await waitForScreen(page, 'question');
    await option(page, 'Yes').tap();
    await waitForStatus(page, 'received');
    expect(await page.locator('.results-hint').textContent()).toBe(en.resultsAfterClose);
    await page.waitForTimeout(400);
    expect(await resultsVisible(page)).toBe(false);

    await presenter.control('after-close', 'close');
    await page.waitForSelector('[data-question-status="closed"]');
    expect(await page.locator('.closed-note').textContent()).toBe(en.statusClosed);
    expect(await statusLine(page).textContent()).toBe(en.statusReceived);
    expect(await option(page, 'Yes').isDisabled()).toBe(true);
    expect(await option(page, 'No').isDisabled()).toBe(true);
    expect(await option(page, 'Yes').getAttribute('aria-pressed')).toBe('true');
    expect(await resultRows(page)).toEqual({ 'Yes (your answer)': '1 vote, 100%', No: '0 votes, 0%' });
    await expectAnnounced(page, en.announceClosed);
    await expectAnnounced(page, en.announceResultsShown);
    await expectAccessible(page, 'closed');
    await screenshot(page, 'closed');

    await presenter.control('after-close', 'reopen');
    await page.waitForSelector('[data-question-status="open"]');
    expect(await option(page, 'No').isDisabled()).toBe(false);
    expect(await page.locator('.closed-note').isVisible()).toBe(false);
  });

  it('presenter-only results never reach the phone, not even when revealed and closed', async () => {
    await presenter.control('secret', 'reset');
    await presenter.goTo(SLIDE.secret);
    const { page } = await phone();
    await openTalk(page);
    await waitForScreen(page, 'question');
    await option(page, 'A').tap();
    await waitForStatus(page, 'received');
    expect(await page.locator('.results-hint').textContent()).toBe(en.resultsPresenterOnly);
    await presenter.control('secret', 'reveal');
    await presenter.control('secret', 'close');
    await page.waitForSelector('[data-question-status="closed"]');
    await page.waitForTimeout(400);
    expect(await resultsVisible(page)).toBe(false);
    expect(await page.locator('.tally').count()).toBe(0);
    expect(await presenter.counts('secret')).toEqual({ responses: 1, options: { A: 1, B: 0 } });
  });

  it('goes back to the waiting screen, with the slide title, when the slide has no question', async () => {
    const { page } = await phone();
    await openTalk(page);
    await waitForScreen(page, 'question');
    await presenter.goTo(SLIDE.end);
    await waitForScreen(page, 'waiting');
    expect(await page.locator('.slide-title').textContent()).toBe('The end');
    await expectAnnounced(page, en.announceWaiting('The end'));
  });
});

describe('built for phones', () => {
  it('fits 320 px: no sideways scrolling, targets of 44 px or more, text of 16 px or more', async () => {
    await presenter.goTo(SLIDE.pickSeveral);
    const { page } = await phone({ viewport: { width: 320, height: 568 } });
    await page.goto(`${server.url}/join`);
    await waitForScreen(page, 'join');
    expect(await fitReport(page)).toEqual({ scrollWidth: 320, smallTargets: [], smallText: [] });
    await openTalk(page);
    await waitForScreen(page, 'question');
    await page.getByLabel('Coffee').tap();
    await page.getByRole('button', { name: en.sendButton }).tap();
    await page.waitForSelector('.results:not([hidden])');
    expect(await fitReport(page)).toEqual({ scrollWidth: 320, smallTargets: [], smallText: [] });
    await screenshot(page, '320px');
  });

  it('follows dark mode and reduced motion', async () => {
    const dark = await phone({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await openTalk(dark.page);
    await waitForScreen(dark.page, 'question');
    await dark.page.getByLabel('Juice').tap();
    await dark.page.getByRole('button', { name: en.sendButton }).tap();
    await dark.page.waitForSelector('.results:not([hidden])');
    const style = (page: Page) =>
      page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        barTransition: getComputedStyle(document.querySelector('.bar-fill')!).transitionDuration,
      }));
    expect(await style(dark.page)).toEqual({ background: 'rgb(18, 20, 23)', barTransition: '0s' });
    await expectAccessible(dark.page, 'question, dark');
    await screenshot(dark.page, 'dark');

    const light = await phone();
    await openTalk(light.page);
    await waitForScreen(light.page, 'question');
    await light.page.getByLabel('Juice').tap();
    await light.page.getByRole('button', { name: en.sendButton }).tap();
    await light.page.waitForSelector('.results:not([hidden])');
    expect(await style(light.page)).toEqual({ background: 'rgb(255, 255, 255)', barTransition: '0.4s' });
  });
});

/**
 * Shared by the audience browser tests: a phone in Chromium (360×640, touch), the
 * presenter driving the talk through a real socket, an axe-core check and screenshots.
 */
import axe from 'axe-core';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../support/phone-strings.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import type { PresenterView } from '../../protocol/session.ts';
import { artifactPath } from '../support/browser.ts';
import { connectClient, type TestSocket } from '../support/clients.ts';
import { TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

export { LIVE_DECK, SLIDE } from '../support/live-deck.ts';

export const PHONE: BrowserContextOptions = {
  // The phone's words follow its languages: these tests read English.
  locale: 'en-US',
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export interface Phone {
  context: BrowserContext;
  page: Page;
}

/** A fresh phone (own storage) that records everything the aria-live region says. */
export async function newPhone(browser: Browser, options: BrowserContextOptions = {}): Promise<Phone> {
  const context = await browser.newContext({ ...PHONE, ...options });
  await context.addInitScript(() => {
    const said: string[] = [];
    const statuses: string[] = [];
    Object.assign(window, { announcements: said, answerStatuses: statuses });
    const noteStatus = (status: string | null | undefined) => {
      if (status && statuses.at(-1) !== status) statuses.push(status);
    };
    document.addEventListener('DOMContentLoaded', () => {
      const region = document.getElementById('announcer');
      if (region) {
        new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
      // Every value the answer status line takes, in order (a set of the same value is not a change).
      new MutationObserver((records) => {
        // Old values are the history in order; the element's value now comes after them.
        const changes = records.filter((record) => (record.target as HTMLElement).classList.contains('answer-status'));
        for (const record of changes) noteStatus(record.oldValue);
        noteStatus((changes.at(-1)?.target as HTMLElement | undefined)?.dataset.status);
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
    });
  });
  const page = await context.newPage();
  return { context, page };
}

export async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);
}

/** Waits until the aria-live region has said a message (or one containing it). */
export async function expectAnnounced(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => (window as unknown as { announcements: string[] }).announcements.some((said) => said.includes(wanted)),
    text,
    { timeout: 5000 },
  );
}

/** The values the answer status line went through since the page loaded (none, sending, received…). */
export async function answerStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { answerStatuses: string[] }).answerStatuses);
}

export async function screenOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.body.dataset.screen);
}

export async function waitForScreen(page: Page, screen: string, timeout = 10_000): Promise<void> {
  await page.waitForSelector(`body[data-screen="${screen}"]`, { timeout });
}

/** axe-core on the page as it is now: no serious or critical violation allowed. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious, `axe on the ${screen} screen`).toEqual([]);
}

/**
 * The whole page as a phone would show it scrolled to each part. The viewport is made as tall
 * as the page first: a full-page capture otherwise leaves the reaction bar (stuck to the foot
 * of the screen) in the middle of the picture.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  await page.screenshot({ path: artifactPath(`audience-${name}.png`), fullPage: true });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
}

/** The phone's network switched off and on the way DevTools does it. */
export async function networkSwitch(phone: Phone): Promise<{ offline(): Promise<void>; online(): Promise<void> }> {
  const cdp: CDPSession = await phone.context.newCDPSession(phone.page);
  await cdp.send('Network.enable');
  const set = async (offline: boolean) => {
    await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  };
  return { offline: () => set(true), online: () => set(false) };
}

export async function joinCodeOf(server: ServerProcess): Promise<string> {
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { joinCode: string };
  return health.joinCode;
}

/** The presenter, through a real socket with the key: moves slides, controls questions, reads the counts. */
export class Presenter {
  private constructor(readonly socket: TestSocket) {}

  static async connect(server: ServerProcess): Promise<Presenter> {
    const { socket } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    return new Presenter(socket);
  }

  async goTo(position: { h: number; v: number }): Promise<void> {
    const reply = await this.socket.timeout(5000).emitWithAck('slide:go', { ...position, f: -1 });
    if (!reply.ok) throw new Error(reply.message);
  }

  async control(questionId: string, action: QuestionAction): Promise<void> {
    const reply = await this.socket.timeout(5000).emitWithAck('question:control', { questionId, action });
    if (!reply.ok) throw new Error(reply.message);
  }

  async view(): Promise<PresenterView> {
    const reply = await this.socket.timeout(5000).emitWithAck('state:sync');
    if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
    return reply.view;
  }

  /** Votes per option and the number of participants who answered, as the presenter sees them. */
  async counts(questionId: string): Promise<{ responses: number; options: Record<string, number> }> {
    const results = (await this.view()).results[questionId];
    if (!results || !('options' in results)) throw new Error(`no option results for ${questionId}`);
    return {
      responses: results.responses,
      options: Object.fromEntries(results.options.map((tally) => [tally.option, tally.count])),
    };
  }

  close(): void {
    this.socket.close();
  }
}

/** Retries a check until it holds (the presenter's counts follow an answer by a write and a broadcast). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** A Socket.IO payload a page received over its WebSocket, with the test's clock at arrival. */
export interface ReceivedFrame {
  receivedAt: number;
  raw: string;
  payload: unknown;
}

/**
 * Records every Socket.IO packet the page receives (events "42[…]", acknowledgements
 * "43N[…]", connect "40{…}"), and every long-polling request (which would carry payloads
 * this capture does not see: the tests check there are none).
 */
export function captureFrames(page: Page): { frames: ReceivedFrame[]; pollingRequests: string[] } {
  const frames: ReceivedFrame[] = [];
  const pollingRequests: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const raw = String(payload);
      const packet = /^4\d(\d*)([[{][\s\S]*)$/.exec(raw);
      frames.push({ receivedAt: Date.now(), raw, payload: packet ? JSON.parse(packet[2]!) : null });
    }),
  );
  page.on('request', (request) => {
    if (request.url().includes('/socket.io/') && request.url().includes('transport=polling')) pollingRequests.push(request.url());
  });
  return { frames, pollingRequests };
}

/** Every object inside a payload (depth first) for which the check holds. */
export function objectsIn(value: unknown, check: (object: Record<string, unknown>) => boolean, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, check, found);
  else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (check(object)) found.push(object);
    for (const item of Object.values(object)) objectsIn(item, check, found);
  }
  return found;
}

/** Collects every alert/confirm/prompt a page opens (an injected script would): the tests expect none. */
export function watchDialogs(page: Page, dialogs: string[]): void {
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** The visible text of every element matching a selector, in order. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
}

/** Types into the question's text field (as a person would: maxlength applies) and sends it. */
export async function typeAndSend(page: Page, label: string, text: string, button = en.sendButton): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.pressSequentially(text);
  await page.getByRole('button', { name: button, exact: true }).tap();
}

/** What a 320 px phone would trip over: sideways scrolling, small targets, small text. */
export async function fitReport(page: Page): Promise<{ scrollWidth: number; smallTargets: string[]; smallText: string[] }> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const smallTargets = [...document.querySelectorAll('button, a, label.option, input[type="text"], textarea')]
      .filter(visible)
      .map((element) => ({ text: element.textContent?.trim() ?? '', box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ text, box }) => `${text} ${box.width}×${box.height}`);
    const smallText = [...document.querySelectorAll('body *')]
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()))
      .filter((element) => visible(element) && !element.closest('.visually-hidden'))
      .map((element) => ({ text: element.textContent!.trim().slice(0, 30), size: parseFloat(getComputedStyle(element).fontSize) }))
      .filter(({ size }) => size < 16)
      .map(({ text, size }) => `${text} ${size}px`);
    return { scrollWidth: document.documentElement.scrollWidth, smallTargets, smallText };
  });
}

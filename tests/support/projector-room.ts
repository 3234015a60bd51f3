import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { connectClient, makeId, type TestSocket } from './clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from './server-process.ts';

/** The slide on screen: a vertical stack's outer section is "present" too, the slide itself is not a stack. */
export const CURRENT_SLIDE = 'section.present:not(.stack)';

/**
 * A room for the projector tests: a server on a deck, the presenter and some phones as
 * real sockets, and a projector page (a plain display) in Chromium.
 */
export interface ProjectorRoom {
  server: ServerProcess;
  joinCode: string;
  presenter: TestSocket;
  phones: TestSocket[];
  browser: Browser;
  /** The display's own browser context (no presenter cookie). */
  context: BrowserContext;
  projector: Page;
  close(): Promise<void>;
}

export async function openProjectorRoom(options: { deck?: string; phones: number }): Promise<ProjectorRoom> {
  const server = await startServer(options.deck ? { deck: options.deck } : {});
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  const { socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  const phones: TestSocket[] = [];
  for (let index = 0; index < options.phones; index += 1) {
    phones.push((await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') })).socket);
  }
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const projector = await context.newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
  return {
    server,
    joinCode,
    presenter,
    phones,
    browser,
    context,
    projector,
    close: async () => {
      for (const socket of [presenter, ...phones]) socket.close();
      await browser.close();
      await server.stop();
    },
  };
}

/** Waits (1 s at most by default) until reveal.js on the page shows this slide and fragment step. */
// No latency is asserted here, only that the page gets there (Playwright's own timeout stops a
// hang): the benches measure speed; a 1 s budget on a shared 2-core machine fails on the
// scheduler, not on the code.
export async function onSlide(page: Page, position: { h: number; v: number }, f?: number, timeout?: number): Promise<void> {
  await page.waitForFunction(
    ({ h, v, f }) => {
      const at = (window as unknown as { Reveal: { getIndices(): { h: number; v?: number; f?: number } } }).Reveal.getIndices();
      return at.h === h && (at.v ?? 0) === v && (f === null || (at.f ?? -1) === f);
    },
    { ...position, f: f ?? null },
    { timeout },
  );
}

/** The presenter's socket moves the talk; resolves once the page shows the slide. */
export async function presenterGoesTo(room: ProjectorRoom, position: { h: number; v: number }, page = room.projector): Promise<void> {
  const reply = await room.presenter.timeout(5000).emitWithAck('slide:go', { ...position, f: -1 });
  if (!reply.ok) throw new Error(reply.message);
  await onSlide(page, position);
}

export async function presenterControls(room: ProjectorRoom, questionId: string, action: 'open' | 'close' | 'reopen' | 'reveal' | 'hide' | 'reset'): Promise<void> {
  const reply = await room.presenter.timeout(5000).emitWithAck('question:control', { questionId, action });
  if (!reply.ok) throw new Error(reply.message);
}

/** Texts of the elements, whitespace folded: what a person reads. */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
}

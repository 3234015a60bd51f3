import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';
import { joinCodeOf, LIVE_DECK, newPhone, waitForScreen } from './audience-phone.ts';

/**
 * Ctrl+C with the room still connected: the projector, the console and a phone stay open
 * (they reconnect at once, over the connections their browser keeps alive), and the server
 * still says goodbye, saves and exits.
 */
let server: ServerProcess;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) await server.kill();
});

describe('stopping the server in the middle of the talk', () => {
  it('exits with 0 while the projector, the console and a phone keep trying to reconnect', async () => {
    const projector = await browser.newPage();
    await projector.goto(`${server.url}/`);
    await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
    const consolePage = await browser.newPage();
    await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
    await consolePage.waitForSelector('body[data-connection="live"]');
    const phone = await newPhone(browser);
    await phone.page.goto(`${server.url}/j/${await joinCodeOf(server)}`);
    await waitForScreen(phone.page, 'waiting');
    pages.push(projector, consolePage, phone.page);

    const stopped = server.stop();
    // Long enough for every page to have reconnected many times over; a hang runs past it.
    const outcome = await Promise.race([stopped.then((code) => ({ code })), new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    expect(outcome, server.output()).toEqual({ code: 0 });
    expect(server.output()).toContain('SIGTERM received, saving and closing');
    await phone.page.waitForSelector('body[data-connection="reconnecting"]');
  });
});

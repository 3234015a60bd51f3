import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../support/phone-strings.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import {
  eventually,
  expectAccessible,
  expectAnnounced,
  joinCodeOf,
  LIVE_DECK,
  newPhone,
  Presenter,
  screenshot,
  SLIDE,
  waitForScreen,
  type Phone,
} from './audience-phone.ts';

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let phone: Phone;
let page: Page;
let joinCode: string;

/** The same data folder and port, as when the presenter's laptop restarts `handsup start`. */
async function restart(args: string[] = []): Promise<void> {
  server = await startServer({ deck: LIVE_DECK, dataDir: server.dataDir, args: ['--port', String(server.port), ...args] });
  presenter = await Presenter.connect(server);
}

const option = (name: string) => page.getByRole('button', { name, exact: true });

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  phone = await newPhone(browser);
  page = phone.page;
});

afterAll(async () => {
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('a server restart in the middle of the talk', () => {
  it('shows "reconnecting", keeps a tap made meanwhile, and resumes the same participant', async () => {
    await presenter.goTo(SLIDE.pickOne);
    await page.goto(`${server.url}/j/${joinCode}`);
    await waitForScreen(page, 'question');
    await option('Red').tap();
    await page.waitForSelector('.answer-status[data-status="received"]');

    presenter.close();
    expect(await server.stop()).toBe(0);
    await page.waitForSelector('body[data-connection="reconnecting"]');
    expect(await page.locator('#status-banner').textContent()).toBe(en.reconnectingBanner);
    await expectAccessible(page, 'reconnecting');
    await screenshot(page, 'reconnecting');

    // Tapped while the server is away: kept, shown as waiting, sent when it is back.
    await option('Blue').tap();
    await page.waitForSelector('.answer-status[data-status="queued"]');

    await restart();
    expect(await joinCodeOf(server)).toBe(joinCode);
    await page.waitForSelector('body[data-connection="online"]', { timeout: 20_000 });
    await page.waitForSelector('.answer-status[data-status="received"]', { timeout: 10_000 });
    await expectAnnounced(page, en.announceOnline);
    expect(await page.locator('h1').textContent()).toBe('Pick one');
    expect(await option('Blue').getAttribute('aria-pressed')).toBe('true');
    await eventually(() => presenter.counts('pick-one'), { responses: 1, options: { Red: 0, Green: 0, Blue: 1 } });

    // And the talk goes on as before.
    await option('Green').tap();
    await eventually(() => presenter.counts('pick-one'), { responses: 1, options: { Red: 0, Green: 1, Blue: 0 } });
  });

  it('says the talk has ended when the server comes back with a new session', async () => {
    presenter.close();
    await server.stop();
    await restart(['--new-session']);
    expect(await joinCodeOf(server)).not.toBe(joinCode);
    await waitForScreen(page, 'ended', 20_000);
    expect(await page.locator('h1').textContent()).toBe(en.endedHeading);
    expect(await page.locator('.ended-screen p').textContent()).toBe(en.endedText(joinCode));
    expect(await page.locator('#status-banner').isVisible()).toBe(false);
    await expectAnnounced(page, en.endedHeading);
    await expectAccessible(page, 'ended');
    await screenshot(page, 'ended');
    await page.getByRole('link', { name: en.endedJoinOther }).tap();
    await waitForScreen(page, 'join');
  });
});

import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../protocol/session.ts';
import { createHandsupServer, type HandsupServer } from '../../server/app.ts';
import { DIST_DIR } from '../../server/paths.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { newPhone, type Phone } from '../browser/audience-phone.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { LIVE_DECK, SLIDE } from '../support/live-deck.ts';
import { ROOT, tempDataDir, TEST_PRESENTER_KEY } from '../support/server-process.ts';

/**
 * A disk that fills up mid-talk, on real SQLite: the server's own connection is capped
 * with PRAGMA max_page_count, so its writes fail with SQLITE_FULL exactly as on a full
 * disk. Nothing is acknowledged that is not on disk, a re-sent answer is written again
 * (never called a duplicate of something that was not saved), the process stays up, the
 * console and /healthz say what is wrong, and writes resume once there is room.
 */
const deckFile = join(ROOT, LIVE_DECK);
const dataDir = tempDataDir();
let server: HandsupServer;
let url: string;
let browser: Browser;
let consolePage: Page;
let phonePage: Phone;
let presenter: TestSocket;
let joinCode: string;
const sockets: TestSocket[] = [];
const storageEvents: StorageStatus[] = [];

const serverDb = () => (server.store as unknown as { db: Database.Database }).db;
/** What is on disk, read by a connection of its own. */
function onDisk<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dataDir, 'handsup.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const answerRows = (answerId: string) => onDisk<{ n: number }>('SELECT COUNT(*) AS n FROM responses WHERE answer_id = ?', answerId)[0]!.n;

async function phone(): Promise<TestSocket> {
  const { socket } = await connectClient(url, { role: 'audience', joinCode, participantId: makeId('full') });
  sockets.push(socket);
  return socket;
}
const answer = (socket: TestSocket, answerId: string, option = 0) =>
  socket.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId, value: { options: [option] } });
async function responses(): Promise<number> {
  const reply = await presenter.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
  return reply.view.questions['pick-one']!.responses;
}

beforeAll(async () => {
  const { deck } = compileDeckFile(deckFile);
  server = createHandsupServer({ deck, deckFile, dataDir, distDir: DIST_DIR, env: { HANDSUP_PRESENTER_KEY: TEST_PRESENTER_KEY } });
  const address: AddressInfo = await server.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${address.port}`;
  joinCode = server.session.joinCode;
  ({ socket: presenter } = await connectClient(url, { role: 'presenter', key: TEST_PRESENTER_KEY }));
  presenter.on('storage', (status) => storageEvents.push(status));
  sockets.push(presenter);
  expect((await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: -1 })).ok).toBe(true);
  browser = await launchBrowser();
  consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await consolePage.goto(`${url}/presenter?key=${TEST_PRESENTER_KEY}`);
  await consolePage.waitForSelector('body[data-console-ready="true"]');
  phonePage = await newPhone(browser);
  await phonePage.page.goto(`${url}/j/${joinCode}`);
  await phonePage.page.getByRole('button', { name: 'Red', exact: true }).waitFor();
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await browser?.close();
  await server?.close();
});

describe('a full disk', () => {
  const acknowledged: string[] = [];
  let refusedId = '';
  let refusedPhone: TestSocket;
  let countedBefore = 0;

  it('refuses answers with unavailable once the database cannot grow, and counts none of them', async () => {
    for (let n = 0; n < 3; n += 1) {
      const id = makeId('before');
      expect(await answer(await phone(), id)).toMatchObject({ ok: true });
      acknowledged.push(id);
    }
    const pages = serverDb().pragma('page_count', { simple: true }) as number;
    serverDb().pragma(`max_page_count = ${pages}`);
    // Rows fill the pages there are; then a write needs a page the database may not take.
    for (let n = 0; n < 2000 && !refusedId; n += 1) {
      const socket = await phone();
      const id = makeId('filling');
      const reply = await answer(socket, id);
      if (reply.ok) acknowledged.push(id);
      else {
        expect(reply).toMatchObject({ code: 'unavailable' });
        refusedId = id;
        refusedPhone = socket;
      }
    }
    expect(refusedId).not.toBe('');
    expect(answerRows(refusedId)).toBe(0);
    countedBefore = await responses();
    expect(countedBefore).toBe(acknowledged.length);
  });

  it('answers the same answer id again with unavailable, not with a duplicate ok', async () => {
    expect(await answer(refusedPhone, refusedId)).toMatchObject({ ok: false, code: 'unavailable' });
    expect(answerRows(refusedId)).toBe(0);
    expect(await responses()).toBe(countedBefore);
  });

  it('stays up through reactions, slide moves and nicknames that cannot be saved', async () => {
    const socket = await phone();
    expect(await socket.timeout(5000).emitWithAck('reaction:send', { emoji: '👏' })).toMatchObject({ ok: true });
    // The reactions' write runs on a timer: the server must live through its failure.
    await nextEvent(presenter, 'reactions');
    expect(await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: 0 })).toMatchObject({ ok: true });
    expect(await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: -1 })).toMatchObject({ ok: true });
    // A nickname may still fit in a page the table has: then it is on disk; if not, it is refused.
    const nickname = `Disk ${makeId().slice(-6)}`;
    const named = await socket.timeout(5000).emitWithAck('participant:nickname', { nickname });
    const rows = onDisk<{ n: number }>('SELECT COUNT(*) AS n FROM participants WHERE nickname = ?', nickname)[0]!.n;
    if (named.ok) expect(rows).toBe(1);
    else expect([named.code, rows]).toEqual(['unavailable', 0]);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
  });

  it('says what and where: /healthz 503 degraded, the console banner, and the phone keeps sending', async () => {
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ ok: false, status: 'degraded' });
    expect(health.problems).toContain(`answers are not being saved: the disk holding ${dataDir} is full`);
    expect(storageEvents.at(-1)?.ok).toBe(false);
    const banner = consolePage.locator('#storage-banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain(`Answers are not being saved: the disk holding ${dataDir} is full.`);
    await consolePage.screenshot({ path: artifactPath('storage-full-console.png') });

    await phonePage.page.getByRole('button', { name: 'Green', exact: true }).tap();
    await phonePage.page.waitForSelector('.answer-status[data-status="sending"]');
    await phonePage.page.screenshot({ path: artifactPath('storage-full-phone.png') });
  });

  it('writes again by itself once there is room: the queued answers count once, the banner goes', async () => {
    serverDb().pragma('max_page_count = 1073741823');
    expect(await answer(refusedPhone, refusedId)).toMatchObject({ ok: true, duplicate: false });
    acknowledged.push(refusedId);
    expect(answerRows(refusedId)).toBe(1);
    // The phone page sends its queued answer again on its own (every few seconds).
    await phonePage.page.waitForSelector('.answer-status[data-status="received"]', { timeout: 15_000 });
    const statuses = await phonePage.page.evaluate(() => (window as unknown as { answerStatuses: string[] }).answerStatuses);
    // From the tap to the acknowledgement the phone said "sending…" and nothing else: never "received", never "offline".
    expect(statuses.slice(statuses.indexOf('sending'))).toEqual(['sending', 'received']);
    expect(await responses()).toBe(acknowledged.length + 1);
    await consolePage.locator('#storage-banner').waitFor({ state: 'hidden' });
    await consolePage.screenshot({ path: artifactPath('storage-full-console-recovered.png') });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const id of acknowledged) expect(answerRows(id), id).toBe(1);
    // The slide kept while the disk was full is written by itself.
    const cursorOnDisk = () => onDisk<{ cursor_f: number }>('SELECT cursor_f FROM sessions WHERE id = ?', server.session.id)[0]!.cursor_f;
    for (let tries = 0; cursorOnDisk() !== -1 && tries < 100; tries += 1) await nextEvent(presenter, 'participants', () => true, 100).catch(() => undefined);
    expect(cursorOnDisk()).toBe(-1);
  });
});

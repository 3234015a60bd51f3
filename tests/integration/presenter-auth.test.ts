import { io } from 'socket.io-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { presenterCookieValue, PRESENTER_COOKIE, readCookie } from '../../server/auth/presenter-cookie.ts';
import type { PresenterView } from '../../protocol/session.ts';
import { launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, nextEvent, refusedHandshake, type TestSocket } from '../support/clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

const DECK = 'tests/fixtures/live-deck.md';
const { deck } = compileDeckFile(DECK);
// The cookie the server hands out for the key (set in beforeAll): it carries its issue time.
let COOKIE: string;
let cookieValue: string;
// Every note of the fixture deck, as text: none of them may reach anything but the console.
const NOTES = deck.slides.map((slide) => slide.notes.replace(/<[^>]+>/g, '').trim()).filter(Boolean);

let server: ServerProcess;
let presenter: TestSocket;
let joinCode: string;
let browser: Browser | undefined;
const sockets: TestSocket[] = [];

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
}

/** A raw socket with chosen headers, as a browser on another page (or port) would open one. */
function presenterSocketWith(headers: Record<string, string>): TestSocket {
  const socket: TestSocket = io(server.url, {
    auth: { role: 'presenter' },
    extraHeaders: headers,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

function outcome(socket: TestSocket): Promise<{ accepted: true; view: PresenterView } | { accepted: false; code?: string; message: string }> {
  return new Promise((resolve) => {
    socket.once('state', (view) => resolve({ accepted: true, view: view as PresenterView }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      resolve({ accepted: false, code: error.data?.code, message: error.message }),
    );
  });
}

function expectNothingSecret(everything: string): void {
  expect(everything).not.toContain(TEST_PRESENTER_KEY);
  expect(everything).not.toContain(cookieValue);
  expect(everything).not.toContain(cookieValue.split('.').pop());
  expect(everything).not.toContain('"notes"');
  expect(everything).not.toContain('deckQuestions');
  for (const note of NOTES) expect(everything).not.toContain(note);
}

beforeAll(async () => {
  server = await startServer({ deck: DECK });
  const exchange = await get(`/presenter?key=${TEST_PRESENTER_KEY}`);
  cookieValue = readCookie(exchange.headers.get('set-cookie')!.split(';')[0], PRESENTER_COOKIE)!;
  COOKIE = `${PRESENTER_COOKIE}=${cookieValue}`;
  joinCode = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  ({ socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY }));
});

afterAll(async () => {
  for (const socket of [presenter, ...sockets]) socket?.close();
  await browser?.close();
  await server?.stop();
});

describe('the key for cookie exchange', () => {
  it('swaps a right key for an HTTP-only, SameSite=Strict cookie and redirects to the address without it', async () => {
    const response = await get(`/presenter?key=${TEST_PRESENTER_KEY}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/presenter');
    const cookie = response.headers.get('set-cookie')!;
    // v2.ISSUED.MAC: issued this very second (or the one before), signed with the key.
    const [, issued] = /^handsup_presenter=v2\.(\d+)\.[\w-]{43};/.exec(cookie) ?? [];
    expect(Math.abs(Number(issued) - Date.now() / 1000)).toBeLessThan(5);
    expect(cookie).toContain(`${PRESENTER_COOKIE}=${presenterCookieValue(TEST_PRESENTER_KEY, Number(issued) * 1000)};`);
    expect(cookie).toMatch(/; Max-Age=43200(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toContain(TEST_PRESENTER_KEY);
    expect(await response.text()).toBe('');
  });

  it('keeps the other parameters of the address, and does the same for the projector', async () => {
    const projector = await get(`/?key=${TEST_PRESENTER_KEY}&view=x`);
    expect(projector.status).toBe(303);
    expect(projector.headers.get('location')).toBe('/?view=x');
    expect(projector.headers.get('set-cookie')).toMatch(/^handsup_presenter=v2\./);
  });

  it('answers an exchange started from another site with a page that continues from this origin', async () => {
    const response = await get(`/presenter?key=${TEST_PRESENTER_KEY}`, { 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^handsup_presenter=v2\./);
    const html = await response.text();
    expect(html).toContain('location.replace("/presenter")');
    expect(html).not.toContain(TEST_PRESENTER_KEY);
  });

  it('serves the console for the cookie', async () => {
    const response = await get('/presenter', { Cookie: COOKIE });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('presenter console');
  });

  it('refuses no key and a wrong key with a page that says where the presenter address is, and nothing else', async () => {
    const cases: { path: string; headers: Record<string, string>; heading: string }[] = [
      { path: '/presenter', headers: {}, heading: 'The presenter console needs the presenter key' },
      { path: '/presenter', headers: { Cookie: `${PRESENTER_COOKIE}=forged` }, heading: 'The presenter console needs the presenter key' },
      { path: '/presenter?key=wrong-key-0123456789', headers: {}, heading: 'This presenter key is not the right one' },
      { path: '/presenter?key=wrong-key-0123456789', headers: { Cookie: COOKIE }, heading: 'This presenter key is not the right one' },
      { path: '/?key=wrong-key-0123456789', headers: {}, heading: 'This presenter key is not the right one' },
    ];
    for (const { path, headers, heading } of cases) {
      const response = await get(path, headers);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('set-cookie')).toBeNull();
      const html = await response.text();
      expect(html).toContain(heading);
      expect(html).toContain('handsup start');
      expect(html).toContain('Presenter:');
      // The address this server really answers on, not a default port.
      expect(html).toContain(`Presenter:  ${server.url}/presenter?key=…`);
      expectNothingSecret(html);
      expect(html).not.toContain('Pick one');
    }
  });

  it('serves the projector to anyone, and marks it as driving only for the presenter’s cookie', async () => {
    const plain = await (await get('/')).text();
    expect(plain).not.toContain('handsup-drive');
    const forged = await (await get('/', { Cookie: `${PRESENTER_COOKIE}=forged` })).text();
    expect(forged).not.toContain('handsup-drive');
    const driving = await (await get('/', { Cookie: COOKIE })).text();
    expect(driving).toContain('<meta name="handsup-drive" content="presenter">');
    expectNothingSecret(driving);
  });
});

describe('the console’s socket', () => {
  it('is accepted as the presenter with the cookie and no key', async () => {
    const result = await outcome(presenterSocketWith({ Cookie: COOKIE, Origin: server.url }));
    expect(result.accepted).toBe(true);
    if (result.accepted) {
      expect(result.view.role).toBe('presenter');
      expect(result.view.notes).toEqual(deck.slides.map((slide) => slide.notes));
    }
  });

  it('is refused without a key or cookie, with a forged cookie, from another origin, and with a wrong key', async () => {
    const noKey = await outcome(presenterSocketWith({}));
    expect(noKey).toMatchObject({ accepted: false, code: 'forbidden' });
    expect(noKey.accepted === false && noKey.message).toContain('handsup start');
    const forged = await outcome(presenterSocketWith({ Cookie: `${PRESENTER_COOKIE}=${presenterCookieValue('another-key-0123456789')}` }));
    expect(forged).toMatchObject({ accepted: false, code: 'forbidden' });
    // Same host, another port: SameSite would send the cookie; the origin check does not let it through.
    const otherOrigin = await outcome(presenterSocketWith({ Cookie: COOKIE, Origin: 'http://127.0.0.1:1' }));
    expect(otherOrigin).toMatchObject({ accepted: false, code: 'forbidden' });
    const wrongKey = await refusedHandshake(server.url, { role: 'presenter', key: 'wrong-key-0123456789' });
    expect(wrongKey.code).toBe('forbidden');
  });
});

describe('what displays and phones receive', () => {
  it('never carries notes, the key or the cookie: every payload of a display, three phones and refused sockets', async () => {
    const seen: string[] = [];
    const record = (socket: TestSocket, who: string) => {
      socket.onAny((event, ...args) => seen.push(`${who} ${event} ${JSON.stringify(args)}`));
      socket.on('connect_error', (error: Error & { data?: unknown }) => seen.push(`${who} connect_error ${error.message} ${JSON.stringify(error.data)}`));
    };
    const { socket: display, view: displayView } = await connectClient(server.url, { role: 'display' });
    sockets.push(display);
    seen.push(`display first ${JSON.stringify(displayView)}`);
    record(display, 'display');
    const phones: TestSocket[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { socket, view } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') });
      sockets.push(socket);
      phones.push(socket);
      seen.push(`phone first ${JSON.stringify(view)}`);
      record(socket, `phone${index}`);
    }
    // Both outcomes listened for as the sockets open: the second refusal may arrive while the first is awaited.
    const refused = [presenterSocketWith({}), presenterSocketWith({ Cookie: `${PRESENTER_COOKIE}=forged` })];
    for (const socket of refused) record(socket, 'refused');
    for (const result of await Promise.all(refused.map(outcome))) expect(result.accepted).toBe(false);

    // The whole talk: every slide, answers, every control, and back to the start.
    const go = (h: number, v: number) => presenter.timeout(5000).emitWithAck('slide:go', { h, v, f: -1 });
    for (const slide of deck.slides) {
      await go(slide.position.h, slide.position.v);
      for (const questionId of slide.questionIds) {
        for (const [index, phone] of phones.entries()) {
          const reply = await phone.timeout(5000).emitWithAck('answer:submit', { questionId, answerId: makeId('answer'), value: { options: [index % 2] } });
          expect(reply.ok).toBe(true);
        }
        for (const action of ['reveal', 'close', 'hide', 'reopen', 'reveal'] as const) {
          expect((await presenter.timeout(5000).emitWithAck('question:control', { questionId, action })).ok).toBe(true);
        }
      }
    }
    // A results payload reaches the display for certain (how many the talk above sends depends on how
    // the 50 ms results window fell): a changed answer to a revealed question with live results.
    const live = deck.questions.find((question) => question.results === 'live')!;
    await go(deck.slides[live.slideIndex]!.position.h, deck.slides[live.slideIndex]!.position.v);
    const displayGetsResults = nextEvent(display, 'results', (results) => results.questionId === live.id);
    const changed = await phones[0]!.timeout(5000).emitWithAck('answer:submit', { questionId: live.id, answerId: makeId('answer'), value: { options: [1] } });
    expect(changed.ok).toBe(true);
    await displayGetsResults;
    const backAtStart = nextEvent(display, 'state', (view) => view.slideIndex === 0);
    await go(0, 0);
    await backAtStart;
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(seen.filter((line) => line.startsWith('display results')).length).toBeGreaterThan(0);
    expect(seen.filter((line) => line.startsWith('phone0 state')).length).toBeGreaterThan(deck.slides.length);
    expect(seen.filter((line) => line.startsWith('refused connect_error')).length).toBe(2);
    expectNothingSecret(seen.join('\n'));
  });

  it('a display page in Chromium gets no notes, key or cookie in any frame or response', async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const received: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
    page.on('response', (response) => {
      // The page, the deck, the join code and any polling: what the server says, not the code it serves.
      if (['document', 'fetch', 'xhr'].includes(response.request().resourceType())) void response.text().then((body) => received.push(body), () => undefined);
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-deck-ready="true"]');
    await page.waitForFunction(() => document.body.dataset.participants !== undefined);
    expect(await page.evaluate(() => document.body.dataset.live)).toBe('display');
    const question = deck.questions.find((candidate) => candidate.id === 'pick-one')!;
    const slide = deck.slides[question.slideIndex]!;
    await presenter.timeout(5000).emitWithAck('slide:go', { ...slide.position, f: -1 });
    await page.waitForFunction(({ h }) => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === h, slide.position);
    await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'pick-one', action: 'reset' });
    await page.waitForTimeout(300);
    expect(received.some((payload) => payload.includes('"state"'))).toBe(true);
    expectNothingSecret(received.join('\n'));
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });
});

import { request } from 'node:http';
import { io } from 'socket.io-client';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_KEY_BURST } from '../../server/auth/key-throttle.ts';
import { PRESENTER_COOKIE, presenterCookieValue, readCookie } from '../../server/auth/presenter-cookie.ts';
import { connectClient } from '../support/clients.ts';
import { runHandsup as handsup } from '../support/cli.ts';
import { startServer, tempDataDir, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

// The presenter key's rules, against real `handsup start` processes: wrong keys throttled
// per client address over HTTP and the socket handshake, a cookie that expires on the
// server's clock, a new key that signs every console out, weak keys refused at start.
const DECK = 'tests/fixtures/live-deck.md';
const WRONG = 'wrong-key-0123456789abcdef-wrong';
const running: ServerProcess[] = [];
// One server for the file: the throttle counts per client address, and each test speaks
// from its own loopback address (127.0.0.2, .3, …), so the tests do not share a budget.
let server: ServerProcess;

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<ServerProcess> {
  const started = await startServer({ deck: DECK, ...options });
  running.push(started);
  return started;
}

beforeAll(async () => {
  server = await serve();
});

afterAll(async () => {
  for (const started of running) if (started.child.exitCode === null) await started.stop();
});

/** A GET from a chosen loopback address (127.0.0.0/8 all reach a server on 127.0.0.1). */
function getFrom(server: ServerProcess, path: string, from = '127.0.0.1', headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, localAddress: from, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A presenter handshake from a chosen loopback address: accepted, or the refusal's code. */
function handshakeFrom(server: ServerProcess, auth: Record<string, unknown>, from: string, headers: Record<string, string> = {}) {
  const socket = io(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, localAddress: from, extraHeaders: headers } as never);
  return new Promise<string>((resolve) => {
    socket.once('state', () => resolve('accepted'));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? error.message));
  }).finally(() => socket.close());
}

async function cookieFor(server: ServerProcess, key = TEST_PRESENTER_KEY): Promise<string> {
  const exchange = await getFrom(server, `/presenter?key=${key}`, '127.0.0.9');
  expect(exchange.status).toBe(303);
  const setCookie = String(exchange.headers['set-cookie']);
  return `${PRESENTER_COOKIE}=${readCookie(setCookie.split(';')[0], PRESENTER_COOKIE)}`;
}

describe('wrong presenter keys are throttled per client address', () => {
  it(`over HTTP: ${WRONG_KEY_BURST} wrong keys, then 429 for any key from that address, pages and sockets alike`, async () => {
    const cookie = await cookieFor(server);
    for (let attempt = 0; attempt < WRONG_KEY_BURST; attempt += 1) {
      expect((await getFrom(server, `/presenter?key=${WRONG}${attempt}`, '127.0.0.2')).status).toBe(403);
    }
    const throttled = await getFrom(server, `/presenter?key=${WRONG}`, '127.0.0.2');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.body).toContain('Too many wrong presenter keys');
    expect(throttled.body).toMatch(/Try again in \d+ s/);
    // Not even the right key is compared now, or the answer would tell a guesser it hit.
    expect((await getFrom(server, `/presenter?key=${TEST_PRESENTER_KEY}`, '127.0.0.2')).status).toBe(429);
    expect(await handshakeFrom(server, { role: 'presenter', key: TEST_PRESENTER_KEY }, '127.0.0.2')).toBe('rate_limited');
    // The presenter's cookie costs nothing and still works from there; other addresses are untouched.
    expect((await getFrom(server, '/presenter', '127.0.0.2', { Cookie: cookie })).status).toBe(200);
    expect(await handshakeFrom(server, { role: 'presenter' }, '127.0.0.2', { Cookie: cookie })).toBe('accepted');
    expect((await getFrom(server, `/presenter?key=${TEST_PRESENTER_KEY}`, '127.0.0.3')).status).toBe(303);
  });

  it('in the socket handshake: the same budget, and then the address gets 429 over HTTP too', async () => {
    for (let attempt = 0; attempt < WRONG_KEY_BURST; attempt += 1) {
      expect(await handshakeFrom(server, { role: 'presenter', key: `${WRONG}${attempt}` }, '127.0.0.4')).toBe('forbidden');
    }
    expect(await handshakeFrom(server, { role: 'presenter', key: WRONG }, '127.0.0.4')).toBe('rate_limited');
    expect(await handshakeFrom(server, { role: 'presenter', key: TEST_PRESENTER_KEY }, '127.0.0.4')).toBe('rate_limited');
    expect((await getFrom(server, `/?key=${TEST_PRESENTER_KEY}`, '127.0.0.4')).status).toBe(429);
    expect(await handshakeFrom(server, { role: 'presenter', key: TEST_PRESENTER_KEY }, '127.0.0.5')).toBe('accepted');
    // Phones and displays never offer a key and are never slowed down by it.
    const { socket: display } = await connectClient(server.url, { role: 'display' });
    display.close();
  });
});

describe('the presenter cookie', () => {
  it('expires on the server: one issued more than 12 hours ago opens nothing, pages or sockets', async () => {
    const stale = `${PRESENTER_COOKIE}=${presenterCookieValue(TEST_PRESENTER_KEY, Date.now() - 12 * 60 * 60 * 1000 - 60_000)}`;
    const fresh = `${PRESENTER_COOKIE}=${presenterCookieValue(TEST_PRESENTER_KEY, Date.now() - 11 * 60 * 60 * 1000)}`;
    const refused = await getFrom(server, '/presenter', '127.0.0.6', { Cookie: stale });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('The presenter console needs the presenter key');
    expect(await handshakeFrom(server, { role: 'presenter' }, '127.0.0.6', { Cookie: stale })).toBe('forbidden');
    expect((await getFrom(server, '/', '127.0.0.6', { Cookie: stale })).body).not.toContain('handsup-drive');
    expect((await getFrom(server, '/presenter', '127.0.0.6', { Cookie: fresh })).status).toBe(200);
    expect(await handshakeFrom(server, { role: 'presenter' }, '127.0.0.6', { Cookie: fresh })).toBe('accepted');
  });

  it('a new key signs every console out: the old cookie is refused after a restart with another key', async () => {
    const cookie = await cookieFor(server);
    expect((await getFrom(server, '/presenter', '127.0.0.7', { Cookie: cookie })).status).toBe(200);
    await server.stop();
    const otherKey = 'another-presenter-key-9876543210zyxwvu';
    const second = await serve({ dataDir: server.dataDir, env: { HANDSUP_PRESENTER_KEY: otherKey } });
    expect((await getFrom(second, '/presenter', '127.0.0.7', { Cookie: cookie })).status).toBe(403);
    expect(await handshakeFrom(second, { role: 'presenter' }, '127.0.0.7', { Cookie: cookie })).toBe('forbidden');
    expect((await getFrom(second, '/presenter', '127.0.0.7', { Cookie: await cookieFor(second, otherKey) })).status).toBe(200);
  });
});

describe('a weak presenter key', () => {
  it('is refused at start in one line that says how to make a good one, and no session is made', async () => {
    const dataDir = tempDataDir();
    const weak = await handsup(['start', '--deck', DECK, '--port', '0', '--host', '127.0.0.1', '--data', dataDir], { HANDSUP_PRESENTER_KEY: 'letmein-letmein-letmein' });
    expect(weak.code).toBe(1);
    expect(weak.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^handsup: HANDSUP_PRESENTER_KEY is too weak \(about \d+ bits; at least 128 .*`openssl rand -base64 32`/),
    ]);
    expect(existsSync(join(dataDir, 'handsup.sqlite'))).toBe(false);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { onSlide } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * The join slide of the built-in talk with `--url` (a reverse proxy's address): the QR code
 * and the address are the public one, the QR code keeps a 4-module quiet zone, the count of
 * phones joined follows the room live, and the terminal says which address goes where.
 */
const PUBLIC_URL = 'https://quiz.example.org';
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const JOIN = deck.slides.find((slide) => slide.attributes.class?.includes('handsup-join'))!;

let server: ServerProcess;
let browser: Browser;
let projector: Page;
let joinCode: string;
const phones: TestSocket[] = [];

const countText = () => projector.locator('section.present .handsup-join-count').textContent();

beforeAll(async () => {
  server = await startServer({ args: ['--url', PUBLIC_URL] });
  joinCode = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  browser = await launchBrowser();
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
  const { socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  phones.push(presenter);
  expect((await presenter.timeout(5000).emitWithAck('slide:go', { ...JOIN.position, f: -1 })).ok).toBe(true);
  await onSlide(projector, JOIN.position, undefined, 3000);
});

afterAll(async () => {
  for (const socket of phones) socket.close();
  await browser?.close();
  await server?.stop();
});

describe('the join slide', () => {
  it('uses the --url address for the QR code and the address shown', async () => {
    const info = await (await fetch(`${server.url}/join.json`)).json();
    expect(info.url).toBe(`${PUBLIC_URL}/j/${joinCode}`);
    await projector.waitForSelector('section.present .handsup-join-panel svg');
    expect(await projector.locator('section.present .handsup-join-url').textContent()).toBe(`quiz.example.org/j/${joinCode}`);
    expect(await projector.locator('section.present .handsup-join-qr').getAttribute('aria-label')).toBe(`QR code for ${PUBLIC_URL}/j/${joinCode}`);
  });

  it('draws the QR code with a white quiet zone of 4 modules around it', async () => {
    const measured = await projector.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('section.present .handsup-join-qr svg')!;
      const modules = svg.viewBox.baseVal.width;
      const dark = svg.querySelector('path[stroke]') as SVGPathElement;
      // Each row of dark modules is a line through the middle of its row: y + 0.5.
      const box = dark.getBBox();
      return { modules, left: box.x, top: box.y - 0.5, right: modules - (box.x + box.width), bottom: modules - (box.y + box.height + 0.5) };
    });
    expect(measured).toMatchObject({ left: 4, top: 4, right: 4, bottom: 4 });
  });

  it('counts the phones joined, live', async () => {
    await expect.poll(countText, { timeout: 3000 }).toBe('0 phones joined');
    for (let index = 0; index < 2; index += 1) {
      phones.push((await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') })).socket);
    }
    await expect.poll(countText, { timeout: 3000 }).toBe('2 phones joined');
    await projector.waitForTimeout(900);
    await projector.screenshot({ path: artifactPath('join-slide-public-url.png') });
    phones.pop()!.close();
    await expect.poll(countText, { timeout: 3000 }).toBe('1 phone joined');
  });

  it('the terminal says which address goes where, and warns about the presenter address', () => {
    const output = server.output();
    expect(output).toContain(`Phones:     ${PUBLIC_URL}/j/${joinCode}   (the QR code below and on the join slide, from --url)`);
    expect(output).toMatch(/Presenter: {2}http:\/\/127\.0\.0\.1:\d+\/presenter\?key=/);
    expect(output).toContain('never show this address on the projector');
    expect(output).toMatch(/Also here: {2}http:\/\/127\.0\.0\.1:\d+\/j\//);
  });
});

describe('a bad --url', () => {
  it('stops the start with a message that says what to type', async () => {
    const started = startServer({ args: ['--url', 'quiz.example.org'] });
    await expect(started).rejects.toThrow(/--url "quiz\.example\.org" is not an address — give the one phones open, like https:\/\/quiz\.example\.org/);
  });
});

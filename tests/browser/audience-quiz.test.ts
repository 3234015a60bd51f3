import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../audience/strings.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type ServerProcess } from '../support/server-process.ts';
import { expectAccessible, joinCodeOf, newPhone, Presenter, screenOf, screenshot, waitForScreen } from './audience-phone.ts';

/** A talk with a quiz: phones are asked for a nickname, and the quiz itself is not run by this server yet. */
const QUIZ_DECK = `# Quiz night

---

## Capitals

\`\`\`poll
id: capital
type: quiz
options: [Paris, Rome]
correct: Paris
\`\`\`
`;

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;

beforeAll(async () => {
  const deck = join(tempDataDir(), 'quiz.md');
  writeFileSync(deck, QUIZ_DECK);
  server = await startServer({ deck });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('a talk with a quiz', () => {
  it('asks for a nickname once, keeps it, and sends it in the handshake', async () => {
    const { page, context } = await newPhone(browser);
    const handshakes: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => handshakes.push(String(frame.payload))));
    await page.goto(`${server.url}/j/${joinCode}`);
    await waitForScreen(page, 'nickname');
    await expectAccessible(page, 'nickname');
    await screenshot(page, 'nickname');

    await page.getByLabel(en.nicknameLabel).fill('  Ada Lovelace  ');
    await page.getByRole('button', { name: en.nicknameContinue }).tap();
    await waitForScreen(page, 'waiting');
    expect(await page.locator('h1').textContent()).toBe('Quiz night');
    expect(await page.evaluate((code) => localStorage.getItem(`handsup:nickname:${code}`), joinCode)).toBe('Ada Lovelace');
    // Socket.IO's CONNECT packet ("40{…}") carries the handshake auth.
    await page.waitForFunction(() => document.body.dataset.connection === 'online');
    expect(handshakes.filter((frame) => frame.startsWith('40')).at(-1)).toContain('"nickname":"Ada Lovelace"');

    await page.reload();
    await waitForScreen(page, 'waiting');
    await page.waitForTimeout(300);
    expect(await screenOf(page)).toBe('waiting');
    await context.close();
  });

  it('lets a phone skip the nickname, and does not ask again', async () => {
    const { page, context } = await newPhone(browser);
    await page.goto(`${server.url}/j/${joinCode}`);
    await waitForScreen(page, 'nickname');
    await page.getByRole('button', { name: en.nicknameSkip }).tap();
    await waitForScreen(page, 'waiting');
    expect(await page.evaluate((code) => localStorage.getItem(`handsup:nickname:${code}`), joinCode)).toBe('');
    await page.reload();
    await waitForScreen(page, 'waiting');
    await page.waitForTimeout(300);
    expect(await screenOf(page)).toBe('waiting');
    await context.close();
  });

  it('says plainly that a quiz is not run by this server yet, with no buttons to tap', async () => {
    const { page, context } = await newPhone(browser);
    await page.goto(`${server.url}/j/${joinCode}`);
    await waitForScreen(page, 'nickname');
    await page.getByRole('button', { name: en.nicknameSkip }).tap();
    await presenter.goTo({ h: 1, v: 0 });
    await waitForScreen(page, 'question');
    expect(await page.locator('h1').textContent()).toBe('Capitals');
    expect(await page.locator('.notice').textContent()).toBe(en.unsupportedType('quiz'));
    expect(await page.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'unsupported question type');
    await screenshot(page, 'unsupported');
    await context.close();
  });
});

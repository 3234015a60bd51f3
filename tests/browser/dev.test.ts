import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import { presenterCookieValue, PRESENTER_COOKIE } from '../../server/auth/presenter-cookie.ts';
import type { ResultsJson } from '../../server/export/results-json.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { watchOutput, type ChildOutput } from '../support/child-output.ts';
import { connectClient, makeId } from '../support/clients.ts';
import { stringsFor } from '../support/phone-strings.ts';
import { ROOT, tempDataDir, TEST_PRESENTER_KEY } from '../support/server-process.ts';

// `npm run dev`: the Vite dev server with the deck plugin and the live server attached.
const folder = tempDataDir();
const deckFile = join(folder, 'talk.md');
const original = readFileSync(join(ROOT, 'tests/fixtures/live-deck.md'), 'utf8');
let child: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;

/** What the dev server printed (without Vite's colours), and waits for a line of it: 30 s at most. */
let output: ChildOutput;
const waitForOutput = (pattern: RegExp) => output.printed(pattern, 30_000);

beforeAll(async () => {
  copyFileSync(join(ROOT, 'tests/fixtures/live-deck.md'), deckFile);
  child = spawn(process.execPath, ['bin/handsup.mjs', 'dev', '--deck', deckFile, '--port', '0', '--data', join(folder, 'data')], {
    cwd: ROOT,
    // Vite colours its output under CI (CI=true); plain text is what the test reads.
    env: { ...process.env, HANDSUP_PRESENTER_KEY: TEST_PRESENTER_KEY, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Colour codes, should any remain, are dropped so the patterns match the text.
  output = watchOutput(child, 'the dev server', (chunk) => chunk.replace(/\u001b\[[0-9;]*m/g, ''));
  const [, port] = await waitForOutput(/Local:\s+http:\/\/localhost:(\d+)\//);
  url = `http://localhost:${port}`;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

describe('handsup dev', () => {
  it('runs the live session on the dev server: health, join code, a phone answering', async () => {
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, mode: 'dev', deck: 'Live test deck' });
    expect(output.text()).toContain(`Join code:  ${health.joinCode}`);
    const { socket: presenter } = await connectClient(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    const { socket: phone } = await connectClient(url, { role: 'audience', joinCode: health.joinCode, participantId: makeId('dev') });
    expect((await presenter.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 })).ok).toBe(true);
    expect(await phone.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId(), value: { options: [1] } })).toMatchObject({ ok: true });
    presenter.close();
    phone.close();
    const refused = await fetch(`${url}/presenter`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(`Presenter:  ${url}/presenter?key=…`);
  });

  it('serves the phone page in the phone\'s language (its table by the source file\'s address)', async () => {
    const health = await (await fetch(`${url}/healthz`)).json();
    const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 640 } });
    try {
      const phonePage = await phone.newPage();
      const languages: string[] = [];
      phonePage.on('request', (request) => /\/audience\/locales\//.test(request.url()) && languages.push(new URL(request.url()).pathname));
      await phonePage.goto(`${url}/j/${health.joinCode}`);
      await phonePage.waitForSelector('html[lang="de-DE"] body:is([data-screen="waiting"], [data-screen="question"])');
      expect(await phonePage.title()).toBe((await stringsFor('de')).pageTitle);
      expect(languages).toEqual(['/audience/locales/de.ts']);
    } finally {
      await phone.close();
    }
  });

  it('reloads the page when the deck changes', async () => {
    // Vite tells the page of an edit over its own socket: the edit is made once that socket is up.
    const viteConnected = new Promise<void>((resolve) => page.on('console', (message) => message.text().includes('[vite] connected') && resolve()));
    await page.goto(`${url}/`);
    await page.waitForSelector('body[data-deck-ready="true"]');
    await viteConnected;
    // A mark on this document: gone once the page has really reloaded, not merely re-rendered.
    await page.evaluate(() => ((window as unknown as { beforeEdit: boolean }).beforeEdit = true));
    // Saved in two steps, as some editors do (the watcher drops a second change within 50 ms):
    // the page must show the finished file, not the half-written one.
    const edited = original.replace('## The end', '## The very end');
    writeFileSync(deckFile, edited.slice(0, edited.length / 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(deckFile, edited);
    await page.waitForFunction(() =>
      !(window as unknown as { beforeEdit?: boolean }).beforeEdit &&
      document.body.dataset.deckReady === 'true' &&
      document.body.innerHTML.includes('The very end'),
    );
    expect(await page.content()).toContain('The very end');
  });

  it('shows a broken deck as file:line in the terminal and the browser overlay, then recovers', async () => {
    writeFileSync(deckFile, original.replace('results: presenter-only', 'results: sometimes'));
    const line = original.split('\n').findIndex((text) => text === 'results: presenter-only') + 1;
    const expected = `${deckFile}:${line}: unknown results setting "sometimes"`;
    await waitForOutput(new RegExp(expected.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '')).toContain(expected);
    await page.screenshot({ path: artifactPath('dev-deck-error.png') });
    const deckJson = await fetch(`${url}/deck.json`);
    expect(deckJson.status).toBe(422);

    // Fixed: the page comes back, and the live engine runs the edited deck.
    writeFileSync(deckFile, original.replace('id: secret', 'id: secret-renamed'));
    await page.waitForFunction(() => !document.querySelector('vite-error-overlay'), undefined, { timeout: 15_000 }).catch(() => page.reload());
    await page.reload();
    await page.waitForSelector('body[data-deck-ready="true"]');
    const { socket: presenter } = await connectClient(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    await expect.poll(async () => {
      const reply = await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'secret-renamed', action: 'open' });
      return reply.ok;
    }, { timeout: 10_000 }).toBe(true);
    const state = await presenter.timeout(5000).emitWithAck('state:sync');
    expect(state.ok && state.view.role === 'presenter' && state.view.results['pick-one']?.responses).toBe(1);
    presenter.close();
  });

  it('exports the deck as edited: the presenter’s downloads follow the edit, not the deck the server started with', async () => {
    const download = async (): Promise<ResultsJson> => {
      const response = await fetch(`${url}${PRESENTER_EXPORT_PATHS.resultsJson}`, {
        headers: { cookie: `${PRESENTER_COOKIE}=${presenterCookieValue(TEST_PRESENTER_KEY)}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as ResultsJson;
    };
    const pickOne = (results: ResultsJson) => results.questions.find((question) => question.id === 'pick-one');
    expect(pickOne(await download())?.distribution?.map((entry) => entry.option)).toEqual(['Red', 'Green', 'Blue']);

    writeFileSync(deckFile, original.replace('id: secret', 'id: secret-renamed').replace('## Pick one', '## Pick a colour').replace('  - Green', '  - Emerald'));
    // The deck is swapped once the edit has compiled; until then the download shows the deck before it.
    await expect.poll(async () => (await download()).questions.map((question) => question.question), { timeout: 15_000 }).toContain('Pick a colour');
    const edited = pickOne(await download());
    expect(edited?.distribution?.map((entry) => entry.option)).toEqual(['Red', 'Emerald', 'Blue']);
  });
});

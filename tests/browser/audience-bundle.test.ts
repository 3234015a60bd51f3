/**
 * The phone page's weight (SPEC.md: at most 25 KB of gzipped JS + CSS, socket.io-client and
 * the phone's language included; 1 KB = 1024 bytes), measured two ways:
 * - where it counts: a real `handsup start` and Chromium joining the talk as a phone in
 *   English, German and Polish, every JS and CSS file it fetched, gzipped at level 9 (as the
 *   server sends them);
 * - for every language: the built page's files (dist/) with that language's chunk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../audience/i18n/pick-locale.ts';
import { AUDIENCE_PAGE } from '../../protocol/routes.ts';
import { launchBrowser } from '../support/browser.ts';
import { ROOT, startServer, type ServerProcess } from '../support/server-process.ts';
import { joinCodeOf, PHONE } from './audience-phone.ts';

const BUDGET_BYTES = 25 * 1024;
const DIST = join(ROOT, 'dist');
/** A language's table (audience/locales/xx.ts) is its own chunk, named after it. */
const LOCALE_CHUNK = new RegExp(`/assets/(${LOCALES.join('|')})-[\\w-]+\\.js$`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/**
 * Every JS and CSS file the built page can load but its words: what its HTML references
 * (entry, modulepreloads, stylesheets) and, transitively, what those chunks import,
 * dynamic imports included (they would be loaded sooner or later). And the chunk of each
 * language, found by its address in the page's code.
 */
function builtPage(htmlFile: string): { files: string[]; languages: Map<string, string> } {
  const html = readFileSync(join(DIST, htmlFile), 'utf8');
  const pending = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  const languages = new Map<string, string>();
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!url.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, url), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.js)["'`]/g)) pending.push(posix.resolve(posix.dirname(url), specifier!));
    for (const [address, language] of code.matchAll(new RegExp(LOCALE_CHUNK.source.replace('$', ''), 'g'))) languages.set(language!, address);
  }
  return { files: [...seen].sort(), languages };
}

describe('the phone page’s weight', () => {
  let server: ServerProcess;
  let browser: Browser;
  let joinCode: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    joinCode = await joinCodeOf(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const { code, locale } of [
    { code: 'en', locale: 'en-US' },
    { code: 'de', locale: 'de-DE' },
    { code: 'pl', locale: 'pl-PL' },
  ]) {
    it(`a phone in ${locale} joining a talk loads at most ${kb(BUDGET_BYTES)} of gzipped JS + CSS, its language included`, async () => {
      const context = await browser.newContext({ ...PHONE, locale });
      try {
        const page = await context.newPage();
        const requests: Request[] = [];
        page.on('requestfinished', (request) => requests.push(request));
        await page.goto(`${server.url}/j/${joinCode}`);
        // In the talk: connected, on the screen that follows the presenter, in its language.
        await page.waitForSelector(`html[lang="${locale}"] body[data-screen="waiting"]`);
        const files = await Promise.all(
          requests
            .filter((request) => /\.(js|css)$/.test(new URL(request.url()).pathname))
            .map(async (request) => {
              const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
              return { path: new URL(request.url()).pathname, raw: body.length, gzip: gzipped(body) };
            }),
        );
        const total = files.reduce((sum, file) => sum + file.gzip, 0);
        console.log(
          [
            `phone page in ${locale}, as Chromium fetched it, gzipped (level 9):`,
            ...files.map((file) => `  ${file.path}: ${kb(file.gzip)} (raw ${kb(file.raw)})`),
            `  JS + CSS gzipped: ${kb(total)} (${total} bytes) of ${kb(BUDGET_BYTES)} (${BUDGET_BYTES} bytes)`,
          ].join('\n'),
        );
        expect(files.some((file) => file.path.endsWith('.js'))).toBe(true);
        expect(files.some((file) => file.path.endsWith('.css'))).toBe(true);
        // Its own words and no other language's.
        expect(files.map((file) => LOCALE_CHUNK.exec(file.path)?.[1]).filter(Boolean)).toEqual([code]);
        expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
      } finally {
        await context.close();
      }
    });
  }

  it(`stays within ${kb(BUDGET_BYTES)} in every language (the built page in dist/, with each language's chunk)`, () => {
    expect(existsSync(join(DIST, AUDIENCE_PAGE.html)), 'dist/ is built by the live tests\' global setup').toBe(true);
    const { files, languages } = builtPage(AUDIENCE_PAGE.html);
    const size = (url: string) => gzipped(readFileSync(join(DIST, url)));
    const page = files.reduce((sum, url) => sum + size(url), 0);
    const totals = [...languages].map(([code, url]) => ({ code, language: size(url), total: page + size(url) }));
    console.log(
      [
        'phone page, built (dist/), gzipped (level 9):',
        ...files.map((url) => `  ${url}: ${kb(size(url))}`),
        `  the page: ${kb(page)} (${page} bytes); with its language: ${totals.map(({ code, language, total }) => `${code} ${kb(language)} → ${kb(total)} (${total} bytes)`).join(', ')}; budget ${BUDGET_BYTES} bytes`,
      ].join('\n'),
    );
    // Every language is a chunk of its own, none loaded with the page.
    expect([...languages.keys()].sort()).toEqual([...LOCALES].sort());
    expect(files.filter((url) => LOCALE_CHUNK.test(url))).toEqual([]);
    for (const { code, total } of totals) expect(total, code).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads nothing of reveal.js or the projector page', () => {
    const projector = new Set(builtPage('slides/projector/index.html').files);
    for (const url of builtPage(AUDIENCE_PAGE.html).files) {
      const text = readFileSync(join(DIST, url), 'utf8');
      // reveal.js's own event name and its name, as they survive minification.
      expect(text, url).not.toMatch(/slidechanged|reveal\.js/);
      // Anything shared with the projector is a chunk both need (the socket client), never its CSS.
      if (projector.has(url)) expect(url, 'shared with the projector').toMatch(/\.js$/);
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../audience/i18n/pick-locale.ts';
import { AUDIENCE_PAGE } from '../../protocol/routes.ts';
import { ROOT } from '../support/server-process.ts';

/** The phone page's budget (SPEC.md): gzipped JS + CSS, its words aside. 1 KB = 1024 bytes. */
const BUDGET_BYTES = 25 * 1024;
/** One language's words: the one extra file a phone fetches (README, "Page weight"). */
const LANGUAGE_BUDGET_BYTES = 2.5 * 1024;
const DIST = join(ROOT, 'dist');
/** A language's table (audience/locales/xx.ts) becomes its own chunk, named after it. */
const LOCALE_CHUNK = new RegExp(`/(${LOCALES.join('|')})-[\\w-]+\\.js$`);

/**
 * Every JS and CSS file the built audience page loads: what its HTML references
 * (entry, modulepreloads, stylesheets) and, transitively, what those chunks import —
 * shared chunks (socket.io-client) included. Dynamic imports count too (lazy: they would
 * be loaded on the phone sooner or later), and so does everything they import.
 */
function pageAssets(htmlFile: string): { url: string; lazy: boolean }[] {
  const html = readFileSync(join(DIST, htmlFile), 'utf8');
  const pending = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => ({ url: match[1]!, lazy: false }));
  const seen = new Map<string, boolean>();
  while (pending.length > 0) {
    const { url, lazy } = pending.pop()!;
    // Eager wins: a chunk both imported and lazily imported is loaded up front.
    if (seen.has(url) && (lazy || seen.get(url) === false)) continue;
    seen.set(url, lazy);
    if (!url.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, url), 'utf8');
    const imports = code.matchAll(/(?:\bfrom\s*|\bimport\s*(\()?\s*)["'`]([^"'`]+\.js)["'`]/g);
    for (const [, dynamic, specifier] of imports) pending.push({ url: posix.resolve(posix.dirname(url), specifier!), lazy: lazy || dynamic === '(' });
  }
  return [...seen].map(([url, lazy]) => ({ url, lazy })).sort((a, b) => a.url.localeCompare(b.url));
}

describe('the audience page weight (production build in dist/)', () => {
  it(`stays within ${BUDGET_BYTES / 1024} KB of gzipped JS + CSS, socket.io-client included, plus one language of at most ${LANGUAGE_BUDGET_BYTES / 1024} KB`, () => {
    expect(existsSync(join(DIST, AUDIENCE_PAGE.html)), 'dist/ is built by the live tests\' global setup').toBe(true);
    const assets = pageAssets(AUDIENCE_PAGE.html);
    const sizes = assets.map(({ url, lazy }) => {
      const body = readFileSync(join(DIST, url));
      return { url, lazy, raw: body.length, gzip: gzipSync(body).length, gzip9: gzipSync(body, { level: 9 }).length };
    });
    const sum = (list: typeof sizes, key: 'gzip' | 'gzip9') => list.reduce((total, size) => total + size[key], 0);
    const eager = sizes.filter((size) => !size.lazy);
    const languages = sizes.filter((size) => size.lazy && LOCALE_CHUNK.test(size.url));
    const lazy = sizes.filter((size) => size.lazy && !LOCALE_CHUNK.test(size.url));
    // A phone fetches one language, never two: the largest one counts.
    const largest = (key: 'gzip' | 'gzip9') => Math.max(...languages.map((size) => size[key]));
    const page = sum(eager, 'gzip') + sum(lazy, 'gzip');
    const total = page + largest('gzip');
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      [
        'audience page, gzipped (zlib default level 6; level 9, as the server sends it, in brackets):',
        ...sizes.map((size) => `  ${size.url}${LOCALE_CHUNK.test(size.url) ? ' (one language)' : size.lazy ? ' (lazy)' : ''}: ${kb(size.gzip)} [${kb(size.gzip9)}] (raw ${kb(size.raw)})`),
        `  loaded up front: ${kb(sum(eager, 'gzip'))} [${kb(sum(eager, 'gzip9'))}]; loaded lazily: ${kb(sum(lazy, 'gzip'))} [${kb(sum(lazy, 'gzip9'))}]; its language, at most: ${kb(largest('gzip'))} [${kb(largest('gzip9'))}]`,
        `  the page: ${kb(page)} [${kb(sum(eager, 'gzip9') + sum(lazy, 'gzip9'))}] of ${kb(BUDGET_BYTES)}; with its language: ${kb(total)} [${kb(sum(eager, 'gzip9') + sum(lazy, 'gzip9') + largest('gzip9'))}]`,
      ].join('\n'),
    );

    expect(eager.some((size) => size.url.endsWith('.js'))).toBe(true);
    expect(eager.some((size) => size.url.endsWith('.css'))).toBe(true);
    // Every language is its own chunk, none loaded up front.
    expect(languages.map((size) => LOCALE_CHUNK.exec(size.url)![1]).sort()).toEqual([...LOCALES].sort());
    // Everything the phone can load but its words is within the page's budget, lazy chunks included…
    expect(page).toBeLessThanOrEqual(BUDGET_BYTES);
    // …and its words (one language, never two) are one small file more.
    for (const language of languages) expect(language.gzip, language.url).toBeLessThanOrEqual(LANGUAGE_BUDGET_BYTES);
  });

  it('loads nothing of reveal.js or the projector page', () => {
    const projector = new Set(pageAssets('slides/projector/index.html').map((asset) => asset.url));
    for (const { url } of pageAssets(AUDIENCE_PAGE.html)) {
      const text = readFileSync(join(DIST, url), 'utf8');
      // reveal.js's own event name and its name, as they survive minification.
      expect(text, url).not.toMatch(/slidechanged|reveal\.js/);
      // Anything shared with the projector is a chunk both need (the socket client), never its CSS.
      if (projector.has(url)) expect(url, 'shared with the projector').toMatch(/\.js$/);
    }
  });
});

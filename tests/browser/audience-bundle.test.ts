import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_PAGE } from '../../server/http/pages.ts';
import { ROOT } from '../support/server-process.ts';

/** The phone page's budget (SPEC.md): gzipped JS + CSS. 1 KB = 1024 bytes. */
const BUDGET_BYTES = 25 * 1024;
const DIST = join(ROOT, 'dist');

/**
 * Every JS and CSS file the built audience page loads: what its HTML references
 * (entry, modulepreloads, stylesheets) and, transitively, what those chunks import —
 * shared chunks (socket.io-client) included. Dynamic imports count too: they would be
 * loaded on the phone sooner or later.
 */
function pageAssets(htmlFile: string): string[] {
  const html = readFileSync(join(DIST, htmlFile), 'utf8');
  const pending = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!url.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, url), 'utf8');
    const imports = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g);
    for (const [, specifier] of imports) pending.push(posix.resolve(posix.dirname(url), specifier!));
  }
  return [...seen].sort();
}

describe('the audience page weight (production build in dist/)', () => {
  it(`stays within ${BUDGET_BYTES / 1024} KB of gzipped JS + CSS, socket.io-client included`, () => {
    expect(existsSync(join(DIST, AUDIENCE_PAGE.html)), 'dist/ is built by the live tests\' global setup').toBe(true);
    const assets = pageAssets(AUDIENCE_PAGE.html);
    const sizes = assets.map((url) => {
      const body = readFileSync(join(DIST, url));
      return { url, raw: body.length, gzip: gzipSync(body).length, gzip9: gzipSync(body, { level: 9 }).length };
    });
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    const total9 = sizes.reduce((sum, size) => sum + size.gzip9, 0);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      [
        'audience page, gzipped (zlib default level 6; level 9 in brackets):',
        ...sizes.map((size) => `  ${size.url}: ${kb(size.gzip)} [${kb(size.gzip9)}] (raw ${kb(size.raw)})`),
        `  total: ${kb(total)} [${kb(total9)}] of ${kb(BUDGET_BYTES)}`,
      ].join('\n'),
    );

    expect(assets.some((url) => url.endsWith('.js'))).toBe(true);
    expect(assets.some((url) => url.endsWith('.css'))).toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads nothing of reveal.js or the projector page', () => {
    const projector = new Set(pageAssets('slides/projector/index.html'));
    for (const url of pageAssets(AUDIENCE_PAGE.html)) {
      const text = readFileSync(join(DIST, url), 'utf8');
      // reveal.js's own event name and its name, as they survive minification.
      expect(text, url).not.toMatch(/slidechanged|reveal\.js/);
      // Anything shared with the projector is a chunk both need (the socket client), never its CSS.
      if (projector.has(url)) expect(url, 'shared with the projector').toMatch(/\.js$/);
    }
  });
});

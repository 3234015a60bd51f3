/**
 * The projector page's weight for the built-in talk, measured where it counts: a real
 * `handsup start` and Chromium loading the page up to its first slide (fonts included).
 * Budgets (issue 14, SPEC.md): at most 150 KB of JS + CSS gzipped, at most 350 KB
 * transferred in all. 1 KB = 1024 bytes.
 */
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startServer } from '../support/server-process.ts';

const CODE_BUDGET = 150 * 1024;
const TRANSFER_BUDGET = 350 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the projector page for the built-in talk', () => {
  it(`loads at most ${kb(CODE_BUDGET)} of gzipped JS + CSS and transfers at most ${kb(TRANSFER_BUDGET)} to its first slide`, async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const requests: Request[] = [];
      page.on('requestfinished', (request) => requests.push(request));
      await page.goto(`${server.url}/`);
      await page.waitForSelector('body[data-deck-ready="true"]');
      await page.evaluate(() => document.fonts.ready);

      const measured = await Promise.all(
        requests.map(async (request) => {
          const response = await request.response();
          const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          const sizes = await request.sizes();
          const path = new URL(request.url()).pathname;
          return {
            path,
            code: /\.(js|css)$/.test(path),
            gzip: gzipSync(body, { level: 9 }).length,
            transferred: sizes.responseBodySize + sizes.responseHeadersSize,
          };
        }),
      );
      const code = measured.filter((entry) => entry.code).reduce((sum, entry) => sum + entry.gzip, 0);
      const transferred = measured.reduce((sum, entry) => sum + entry.transferred, 0);
      console.log(
        [
          'projector page, built-in talk, to its first slide:',
          ...measured.map((entry) => `  ${entry.path}: ${kb(entry.transferred)} transferred${entry.code ? `, ${kb(entry.gzip)} gzipped` : ''}`),
          `  JS + CSS gzipped: ${kb(code)} of ${kb(CODE_BUDGET)}; transferred in all: ${kb(transferred)} of ${kb(TRANSFER_BUDGET)}`,
        ].join('\n'),
      );
      // The page really loaded its code and its fonts from this server.
      expect(measured.some((entry) => entry.path.endsWith('.js'))).toBe(true);
      expect(measured.some((entry) => entry.path.endsWith('.woff2'))).toBe(true);
      expect(code).toBeLessThanOrEqual(CODE_BUDGET);
      expect(transferred).toBeLessThanOrEqual(TRANSFER_BUDGET);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

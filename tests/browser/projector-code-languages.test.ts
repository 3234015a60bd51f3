/**
 * The projector loads only the highlight.js languages the deck's code blocks use (issue 14):
 * a deck with rust and sql code gets those two highlighted, a block in a language
 * highlight.js does not know shows as plain text, and no other language is fetched; the
 * built-in talk, which has no code, fetches none. Real `handsup start`, real Chromium.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_LANGUAGES } from '../../slides/compiler/highlight-languages.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, tempDataDir } from '../support/server-process.ts';

const DECK = [
  '# Code',
  '',
  '```rust',
  'fn main() { let answer = 42; }',
  '```',
  '',
  '---',
  '',
  '## Query',
  '',
  '```sql [1|2]',
  'SELECT name FROM people',
  'WHERE age > 30;',
  '```',
  '',
  '```klingon',
  'nuqneH',
  '```',
  '',
].join('\n');

/** The language modules a page fetched: build chunks named after a highlight.js language (`rust-1a2B3c4D.js`). */
function languageChunks(paths: readonly string[]): string[] {
  const languages = new Set(Object.keys(HIGHLIGHT_LANGUAGES));
  return paths.flatMap((path) => {
    const name = /\/([\w-]+?)-[\w-]{8}\.js$/.exec(path)?.[1];
    return name !== undefined && languages.has(name) ? [name] : [];
  });
}

async function openProjector(page: Page, url: string): Promise<string[]> {
  const paths: string[] = [];
  page.on('requestfinished', (request) => paths.push(new URL(request.url()).pathname));
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-deck-ready="true"]');
  return paths;
}

describe('the projector and highlight.js languages', () => {
  it("highlights the deck's rust and sql, shows an unknown language as plain text, and fetches no other language", async () => {
    const dir = tempDataDir();
    const deck = join(dir, 'code.md');
    writeFileSync(deck, DECK);
    const server = await startServer({ deck, dataDir: join(dir, 'data') });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const paths = await openProjector(page, server.url);
      const blocks = await page.$$eval('pre code', (codes) =>
        codes.map((code) => ({
          classes: code.className,
          keywords: [...code.querySelectorAll('.hljs-keyword')].map((span) => span.textContent),
          spans: code.querySelectorAll('span[class^="hljs-"]').length,
          text: code.textContent,
        })),
      );
      const block = (text: string) => blocks.find((found) => found.text?.includes(text));
      const [rust, sql, unknown] = [block('fn main'), block('SELECT'), block('nuqneH')];
      // The sql block's highlight steps ([1|2]) are a second copy of it, as reveal.js makes them.
      expect(blocks.map((found) => found.text?.slice(0, 6))).toEqual(['fn mai', 'SELECT', 'SELECT', 'nuqneH']);
      expect(rust!.classes).toContain('language-rust');
      expect(rust!.keywords).toEqual(expect.arrayContaining(['fn', 'let']));
      expect(sql!.classes).toContain('language-sql');
      expect(sql!.keywords).toEqual(expect.arrayContaining(['SELECT', 'FROM', 'WHERE']));
      expect(unknown!.classes).toContain('language-plaintext');
      expect(unknown!.spans).toBe(0);
      expect(unknown!.text).toContain('nuqneH');
      expect(languageChunks(paths).sort()).toEqual(['plaintext', 'rust', 'sql']);
      // The warning names the block's line.
      expect(server.output()).toContain(`${deck}:16: warning: code block language "klingon"`);
    } finally {
      await browser.close();
      await server.stop();
    }
  });

  it('fetches no highlight.js language for the built-in talk, which has no code', async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const paths = await openProjector(page, server.url);
      expect(paths.some((path) => path.endsWith('.js'))).toBe(true);
      expect(languageChunks(paths)).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

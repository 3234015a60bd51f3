/**
 * reveal.js's own rendering of a Markdown deck, for the differential test: a small static
 * server with a page that loads reveal.js 6, its Markdown plugin and its highlight plugin
 * from node_modules, pointed at the deck file (`<section data-markdown=…>`), and a
 * snapshot of what any reveal.js page shows, slide by slide, taken the same way from
 * reveal.js's page and from handsup's projector.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './server-process.ts';

export interface ReferenceDeck {
  /** The Markdown as reveal.js gets it (reveal-md strips the front matter first). */
  markdown: string;
  separator: string;
  verticalSeparator: string | null;
}

export interface SlideSnapshot {
  h: number;
  v: number;
  /** The section's own attributes, reveal.js's bookkeeping left out. */
  attributes: Record<string, string>;
  /** The content as an outline: one line per element and text, notes asides left out. */
  content: string;
  /** The notes, normalised the same way. */
  notes: string;
  /** Fragment steps after reveal.js sorted them (distinct data-fragment-index values). */
  fragments: number;
}

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css' };
const REVEAL_DIR = resolve(ROOT, 'node_modules', 'reveal.js', 'dist');

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function referencePage(deck: ReferenceDeck): string {
  const vertical = deck.verticalSeparator === null ? '' : ` data-separator-vertical="${escapeAttribute(deck.verticalSeparator)}"`;
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/reveal/reveal.css"></head>
<body><div class="reveal"><div class="slides">
<section data-markdown="/deck.md" data-charset="utf-8" data-separator="${escapeAttribute(deck.separator)}"${vertical}></section>
</div></div>
<script type="module">
import Reveal from '/reveal/reveal.mjs';
import Markdown from '/reveal/plugin/markdown.mjs';
import Highlight from '/reveal/plugin/highlight.mjs';
const deck = new Reveal({ plugins: [Markdown, Highlight], hash: false, scrollActivationWidth: 0 });
await deck.initialize();
window.Reveal = deck;
document.body.dataset.deckReady = 'true';
</script></body></html>`;
}

/** Serves reveal.js's page for one deck on 127.0.0.1 and an ephemeral port. */
export async function startReference(deck: ReferenceDeck): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
      res.end(body);
    };
    if (pathname === '/') return send(200, 'text/html', referencePage(deck));
    if (pathname === '/deck.md') return send(200, 'text/markdown', deck.markdown);
    const file = resolve(REVEAL_DIR, `.${pathname.replace(/^\/reveal/, '')}`);
    if (!pathname.startsWith('/reveal/') || !file.startsWith(REVEAL_DIR + sep)) return send(404, 'text/plain', 'not found');
    try {
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Chromium keeps connections open (and may open one it never sends a request on, which only
        // the 60 s headers timeout ends): the page is done with this server, so they end now.
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs in the page: an outline of a DOM subtree. Comments are dropped; text is collapsed
 * (kept as is inside <pre>); attributes sorted; reveal.js's state classes left out.
 */
function outlineInPage(): void {
  const STATE_CLASSES = new Set(['present', 'past', 'future', 'stack', 'visible', 'current-fragment']);
  const outline = (node: Node, depth: number, inPre: boolean, lines: string[]): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = inPre ? (child.textContent ?? '') : (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text !== '') lines.push(`${'  '.repeat(depth)}"${text}"`);
      } else if (child instanceof Element) {
        if (child.matches('aside.notes')) continue;
        const attributes = Array.from(child.attributes)
          .map(({ name, value }) =>
            name === 'class' ? [name, value.split(/\s+/).filter((c) => c && !STATE_CLASSES.has(c)).sort().join(' ')] : [name, value],
          )
          // An empty class or style is the same as none.
          .filter(([name, value]) => !((name === 'class' || name === 'style') && value === ''))
          .sort(([a], [b]) => (a! < b! ? -1 : 1))
          .map(([name, value]) => ` ${name}="${value}"`)
          .join('');
        lines.push(`${'  '.repeat(depth)}<${child.localName}${attributes}>`);
        outline(child, depth + 1, inPre || child.localName === 'pre', lines);
      }
    }
  };
  (window as unknown as { outlineOf: (node: Node) => string }).outlineOf = (node) => {
    const lines: string[] = [];
    outline(node, 0, false, lines);
    return lines.join('\n');
  };
  (window as unknown as { outlineOfHtml: (html: string) => string }).outlineOfHtml = (html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return (window as unknown as { outlineOf: (node: Node) => string }).outlineOf(holder);
  };
}

/** reveal.js's bookkeeping, and data-notes: it is compared as notes (handsup keeps it off the public slide). */
const BOOKKEEPING = /^(data-notes|data-markdown|data-markdown-parsed|data-charset|data-separator.*|data-handsup-slide|data-index-[hv]|data-previous-indexv|style|hidden|aria-hidden|data-fragment)$/;

/** Every slide of the reveal.js deck on `page`, in reading order. */
export async function snapshotSlides(page: Page): Promise<SlideSnapshot[]> {
  await page.evaluate(outlineInPage);
  return page.evaluate((bookkeeping) => {
    type RevealApi = {
      getSlides(): HTMLElement[];
      getIndices(slide: HTMLElement): { h: number; v: number };
      getSlideNotes(slide: HTMLElement): string | null;
    };
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    const outline = window as unknown as { outlineOf(node: Node): string; outlineOfHtml(html: string): string };
    const skip = new RegExp(bookkeeping);
    return reveal.getSlides().map((slide) => {
      const { h, v = 0 } = reveal.getIndices(slide);
      const attributes: Record<string, string> = {};
      for (const { name, value } of Array.from(slide.attributes)) {
        if (skip.test(name)) continue;
        if (name === 'class') {
          const classes = value.split(/\s+/).filter((c) => c && !['present', 'past', 'future', 'stack'].includes(c));
          if (classes.length > 0) attributes[name] = classes.sort().join(' ');
        } else {
          attributes[name] = value;
        }
      }
      const indices = new Set(Array.from(slide.querySelectorAll('.fragment')).map((f) => f.getAttribute('data-fragment-index')));
      return {
        h,
        v,
        attributes,
        content: outline.outlineOf(slide),
        notes: outline.outlineOfHtml(reveal.getSlideNotes(slide) ?? ''),
        fragments: indices.size,
      };
    });
  }, BOOKKEEPING.source);
}

/** The same outline for HTML given as text (the console's notes), made on `page`. */
export async function outlineOfHtml(page: Page, html: string): Promise<string> {
  await page.evaluate(outlineInPage);
  return page.evaluate((text) => (window as unknown as { outlineOfHtml(html: string): string }).outlineOfHtml(text), html);
}


/**
 * The differential test: each deck in tests/fixtures/reveal-compat/ is rendered by
 * reveal.js 6's own Markdown and highlight plugins in Chromium and by handsup (the
 * compiler, and the projector page of a real `handsup start`), and the two are compared
 * slide by slide: grid position, the section's attributes, the content's DOM, the
 * speaker notes and the fragment steps. Every difference is listed; only the ones in
 * ALLOWED (deliberate, see docs/authoring.md) may remain.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_SEPARATORS } from '../../slides/compiler/split.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { outlineOfHtml, snapshotSlides, startReference, type ReferenceDeck, type SlideSnapshot } from '../support/reveal-reference.ts';
import { ROOT, startServer, type ServerProcess } from '../support/server-process.ts';

const DECKS_DIR = join(ROOT, 'tests', 'fixtures', 'reveal-compat');
const DECKS = readdirSync(DECKS_DIR).filter((name) => name.endsWith('.md')).sort();

type Aspect = 'slides' | 'position' | 'attributes' | 'content' | 'notes' | 'fragments on the projector' | 'fragments in the compiled deck';

interface Difference {
  deck: string;
  slide: number;
  aspect: Aspect;
  detail: string;
}

/** Deliberate differences, each explained in docs/authoring.md ("Bringing a reveal.js or reveal-md deck"). */
const ALLOWED: ReadonlyArray<{ deck: string; slide: number; aspect: Aspect; why: string }> = [
  { deck: 'polls.md', slide: 1, aspect: 'content', why: "handsup's poll block is a live question; reveal.js shows its YAML as code" },
  { deck: 'polls.md', slide: 2, aspect: 'content', why: 'a Note: line inside fenced code: reveal.js cuts the code there; handsup keeps it' },
  { deck: 'code.md', slide: 0, aspect: 'content', why: 'code with no language: reveal.js guesses one from all of highlight.js; handsup loads only the deck\'s languages and shows it as plain text' },
  { deck: 'code.md', slide: 3, aspect: 'content', why: 'code with no language: reveal.js guesses one from all of highlight.js; handsup loads only the deck\'s languages and shows it as plain text' },
];

/** What reveal.js (or reveal-md, which strips the front matter) gets for the same file. */
function referenceDeck(source: string): ReferenceDeck {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(source);
  // Only a block of key: value lines is front matter; a leading --- before a heading is a separator.
  const frontMatter = block && /^[A-Za-z_][\w-]*:/m.test(block[1] ?? '') ? block : null;
  const field = (name: string) => new RegExp(`^${name}:\\s*"?(.*?)"?\\s*$`, 'm').exec(frontMatter?.[1] ?? '')?.[1];
  return {
    markdown: frontMatter ? source.slice(frontMatter[0].length) : source,
    separator: field('separator') ?? DEFAULT_SEPARATORS.horizontal,
    verticalSeparator: field('verticalSeparator') ?? DEFAULT_SEPARATORS.vertical,
  };
}

/** The first line where two outlines part, with the line before for context. */
function firstDivergence(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const at = a.findIndex((line, index) => line !== b[index]);
  const index = at < 0 ? a.length : at;
  return `at line ${index + 1}: reveal.js ${JSON.stringify(a[index] ?? '(end)')}, handsup ${JSON.stringify(b[index] ?? '(end)')}`;
}

let browser: Browser;
let referencePage: Page;
let projectorPage: Page;
const allDifferences: Difference[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  referencePage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  projectorPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

afterAll(async () => {
  await browser?.close();
});

/** One step of rendering a deck, bounded: a step that does not finish fails the test saying which it was. */
async function step<T>(name: string, work: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: not done after ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function renderedByReveal(source: string): Promise<SlideSnapshot[]> {
  const reference = await startReference(referenceDeck(source));
  try {
    await step('reveal.js reference page: loading', referencePage.goto(reference.url));
    await step('reveal.js reference page: its deck ready', referencePage.waitForSelector('body[data-deck-ready="true"]'));
    return await step('reveal.js reference page: reading its slides', snapshotSlides(referencePage));
  } finally {
    await reference.close();
  }
}

async function renderedByHandsup(server: ServerProcess, deckName: string): Promise<{ slides: SlideSnapshot[]; requests: string[]; origin: string }> {
  const requests: string[] = [];
  const record = (request: { url(): string }) => requests.push(request.url());
  projectorPage.on('request', record);
  try {
    await step('handsup projector: loading', projectorPage.goto(`${server.url}/`));
    await step('handsup projector: its deck ready', projectorPage.waitForSelector('body[data-deck-ready="true"]'));
    await step('handsup projector: its fonts loaded', projectorPage.evaluate(() => document.fonts.ready.then(() => undefined)));
    await step('handsup projector: screenshot', projectorPage.screenshot({ path: artifactPath(`reveal-compat-${deckName.replace(/\.md$/, '')}.png`) }));
    return { slides: await step('handsup projector: reading its slides', snapshotSlides(projectorPage)), requests, origin: server.url };
  } finally {
    projectorPage.off('request', record);
    // Left on this deck, the page would keep reconnecting to its server once that stops, and those
    // requests would be counted against the next deck's page.
    await step('handsup projector: leaving for about:blank', projectorPage.goto('about:blank'));
  }
}

function compare(deck: string, reveal: SlideSnapshot[], handsup: SlideSnapshot[], compiled: { fragments: number }[], notes: string[]): Difference[] {
  const differences: Difference[] = [];
  const add = (slide: number, aspect: Aspect, detail: string) => differences.push({ deck, slide, aspect, detail });
  if (reveal.length !== handsup.length) add(-1, 'slides', `reveal.js has ${reveal.length} slides, handsup ${handsup.length}`);
  reveal.forEach((expected, index) => {
    const actual = handsup[index];
    if (!actual) return;
    if (expected.h !== actual.h || expected.v !== actual.v) add(index, 'position', `reveal.js ${expected.h}/${expected.v}, handsup ${actual.h}/${actual.v}`);
    if (JSON.stringify(expected.attributes) !== JSON.stringify(actual.attributes)) {
      add(index, 'attributes', `reveal.js ${JSON.stringify(expected.attributes)}, handsup ${JSON.stringify(actual.attributes)}`);
    }
    if (expected.content !== actual.content) add(index, 'content', firstDivergence(expected.content, actual.content));
    if (expected.notes !== notes[index]) add(index, 'notes', firstDivergence(expected.notes, notes[index] ?? ''));
    if (expected.fragments !== actual.fragments) add(index, 'fragments on the projector', `reveal.js ${expected.fragments}, handsup ${actual.fragments}`);
    if (expected.fragments !== compiled[index]?.fragments) {
      add(index, 'fragments in the compiled deck', `reveal.js ${expected.fragments}, compiled ${compiled[index]?.fragments}`);
    }
  });
  return differences;
}

describe.each(DECKS)('handsup against reveal.js 6: %s', (deckName) => {
  const file = join(DECKS_DIR, deckName);
  let server: ServerProcess;
  // A real `handsup start` of the deck, started before the comparison is timed.
  beforeAll(async () => {
    server = await startServer({ deck: file });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows what reveal.js shows', async () => {
    const { deck, problems } = compileDeckFile(file);
    expect(problems).toEqual([]);
    const reveal = await renderedByReveal(readFileSync(file, 'utf8'));
    const handsup = await renderedByHandsup(server, deckName);
    const notes: string[] = [];
    for (const slide of deck.slides) notes.push(await outlineOfHtml(referencePage, slide.notes));

    const differences = compare(deckName, reveal, handsup.slides, deck.slides, notes);
    allDifferences.push(...differences);
    const unexplained = differences.filter(
      (difference) => !ALLOWED.some((entry) => entry.deck === difference.deck && entry.slide === difference.slide && entry.aspect === difference.aspect),
    );
    expect(unexplained.map((d) => `${d.deck} slide ${d.slide} ${d.aspect}: ${d.detail}`)).toEqual([]);
    // Everything the projector fetched came from handsup itself: no CDN, no web font service.
    expect(handsup.requests.filter((url) => !url.startsWith(handsup.origin) && !url.startsWith('data:'))).toEqual([]);
  });
});

describe('the allow-list', () => {
  it('has no stale entry: each one is a difference the decks show', () => {
    for (const entry of ALLOWED) {
      expect(allDifferences.some((d) => d.deck === entry.deck && d.slide === entry.slide && d.aspect === entry.aspect), `${entry.deck} ${entry.slide} ${entry.aspect}`).toBe(true);
    }
  });
});

describe('a reveal-md deck with front matter', () => {
  const file = join(DECKS_DIR, 'reveal-md.md');

  it('passes check, with the ignored revealOptions named as warnings', () => {
    const run = spawnSync(process.execPath, ['bin/handsup.mjs', 'check', file], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${file}: ok (4 slides, 0 questions)`);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}:15: warning: revealOptions.hash is ignored — the projector page sets it`,
      `${file}:16: warning: revealOptions.autoSlide is ignored — the presenter console drives the talk`,
    ]);
  });

  it("runs with its theme (moon), its highlight style and its reveal.js options, fonts from handsup's own server", async () => {
    const server = await startServer({ deck: file });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto(`${server.url}/`);
      await page.waitForSelector('body[data-deck-ready="true"]');
      await page.evaluate(() => document.fonts.ready);
      const look = await page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { getConfig(): Record<string, unknown> } }).Reveal;
        const heading = document.querySelector('.reveal .slides h1')!;
        const code = document.querySelector('.reveal .slides pre code')!;
        return {
          background: getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
          headingFont: getComputedStyle(heading).fontFamily,
          headingFontLoaded: document.fonts.check('40px "League Gothic"'),
          codeBackground: getComputedStyle(code).backgroundColor,
          config: { transition: reveal.getConfig().transition, controls: reveal.getConfig().controls, width: reveal.getConfig().width },
          controlsShown: [...document.querySelectorAll<HTMLElement>('.reveal .controls')].some((el) => getComputedStyle(el).display !== 'none'),
        };
      });
      await page.screenshot({ path: artifactPath('reveal-md-moon.png') });
      expect(look).toEqual({
        background: 'rgb(0, 43, 54)',
        headingFont: expect.stringContaining('League Gothic'),
        headingFontLoaded: true,
        // base16/dracula's background.
        codeBackground: 'rgb(40, 41, 54)',
        config: { transition: 'fade', controls: false, width: 1024 },
        controlsShown: false,
      });
      expect(requests.filter((url) => url.includes('.woff2')).length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});

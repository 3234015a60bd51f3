import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.ts';
import { builtInTalk, LONG_LISTS, seedLongLists } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { pdfPageTexts, squeeze } from '../support/pdf-text.ts';
import { ROOT, tempDataDir } from '../support/server-process.ts';

const run = promisify(execFile);
const deck = builtInTalk();
const slideOf = (questionId: string) => deck.questions.find((question) => question.id === questionId)!.slideIndex;

async function exportPdf(out: string, ...flags: string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['bin/handsup.mjs', 'export', 'pdf', '--data', dataDir, '--out', out, ...flags], { cwd: ROOT });
  const pages = await pdfPageTexts(readFileSync(out));
  expect(stdout).toContain(`(${pages.length} pages,`);
  return pages;
}

const CONTINUED = /Slide \d+, \w+ continued: \d+ of \d+/;

/** The page a slide is printed on: continuation pages before it push it on. */
function pageOfSlide(pages: string[], slideIndex: number): number {
  let slides = -1;
  const page = pages.findIndex((text) => (CONTINUED.test(text) ? false : (slides += 1) === slideIndex));
  expect(page).toBeGreaterThanOrEqual(0);
  return page;
}

/** The pages of one slide's record: the slide, then its continuation pages ("2 of 5", …), in order. */
function recordOf(pages: string[], slideIndex: number, noun: string): { first: number; record: string[] } {
  const first = pageOfSlide(pages, slideIndex);
  const heading = (page: string) => page.match(new RegExp(`Slide ${slideIndex + 1}, ${noun} continued: (\\d+) of (\\d+)`));
  const record = [pages[first]!];
  while (heading(pages[first + record.length] ?? '')) record.push(pages[first + record.length]!);
  record.slice(1).forEach((page, index) => expect(heading(page)!.slice(1)).toEqual([String(index + 2), String(record.length)]));
  return { first, record };
}

function occurrences(text: string, marker: string): number {
  return text.split(marker).length - 1;
}

let dataDir: string;
let outDir: string;
let pages: string[];

beforeAll(async () => {
  dataDir = tempDataDir();
  outDir = mkdtempSync(join(tmpdir(), 'handsup-record-'));
  const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
  await seedLongLists(talk);
  await talk.close();
});

beforeAll(async () => {
  const out = join(outDir, 'busy.pdf');
  pages = await exportPdf(out);
  copyFileSync(out, artifactPath('export-record.pdf'));
});

describe('the PDF is the whole record', () => {
  it('puts every one of 201 text answers after its slide, on pages that say which slide they continue', async () => {
    const { first, record } = recordOf(pages, slideOf('if-no-one-is-buying'), 'answers');
    expect(record.length).toBeGreaterThan(2);
    expect(record[0]).toContain('continued on the next pages');
    const text = squeeze(record.join(' '));
    for (let index = 0; index < LONG_LISTS.texts; index += 1) expect(occurrences(text, LONG_LISTS.textMarker(index)), LONG_LISTS.textMarker(index)).toBe(1);
    // Nowhere else: the pages after the record are the next slides.
    expect(squeeze(pages[first + record.length]!)).not.toContain(LONG_LISTS.textMarker(0));

    // A look at the slide and its first continuation page, as a reader sees them.
    const pdf = artifactPath('export-record.pdf');
    await run('pdftoppm', ['-png', '-r', '60', '-f', String(first + 1), '-l', String(first + 2), pdf, artifactPath('export-record-texts')]);
  });

  it('lists all 63 audience questions, without the room’s "now answering" banner', async () => {
    const { first, record } = recordOf(pages, slideOf('room-questions'), 'questions');
    expect(record.length).toBeGreaterThan(1);
    const text = squeeze(record.join(' '));
    for (let index = 0; index < LONG_LISTS.questions; index += 1) expect(occurrences(text, LONG_LISTS.questionMarker(index)), LONG_LISTS.questionMarker(index)).toBe(1);
    expect(text.toLowerCase()).not.toContain('nowanswering');
    // The pinned one is there like the others, marked answered.
    expect(text).toMatch(new RegExp(`${LONG_LISTS.questionMarker(0)}[^Q]*answered`, 'i'));
    await run('pdftoppm', ['-png', '-r', '60', '-f', String(first + 1), '-l', String(first + 2), artifactPath('export-record.pdf'), artifactPath('export-record-qa')]);
  });

  it('lists every word with its count', () => {
    const text = squeeze(recordOf(pages, slideOf('came-to-get'), 'words').record.join(' '));
    const counts = new Map<string, number>();
    for (let index = 0; index < LONG_LISTS.wordPhones; index += 1) counts.set(LONG_LISTS.word(index), (counts.get(LONG_LISTS.word(index)) ?? 0) + 1);
    for (const [word, count] of counts) expect(text, word).toMatch(new RegExp(`${word}${count}(?!\\d)`));
  });

  it('grows the page count by the continuation pages, and only by them', () => {
    const continued = pages.filter((page) => CONTINUED.test(page)).length;
    expect(continued).toBeGreaterThan(2);
    expect(pages).toHaveLength(deck.slides.length + continued);
  });
});

describe('the whole record, a page per fragment step', () => {
  let fragmentPages: string[];

  beforeAll(async () => {
    fragmentPages = await exportPdf(join(outDir, 'busy-fragments.pdf'), '--fragments');
  });

  it('keeps every other slide’s page count; the same continuation pages follow', () => {
    const continued = pages.filter((page) => CONTINUED.test(page)).length;
    const steps = deck.slides.reduce((sum, slide) => sum + 1 + slide.fragments, 0);
    expect(fragmentPages.filter((page) => CONTINUED.test(page))).toHaveLength(continued);
    expect(fragmentPages).toHaveLength(steps + continued);
  });
});

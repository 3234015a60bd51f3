import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../protocol/deck.ts';
import type { Results, WordTally } from '../../protocol/session.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { bundleResultsComponent, RESULTS_DIR } from '../support/results-component.ts';

/**
 * A word cloud that does not jump, in Chromium: words keep their places as counts change,
 * new words fill the free space, and a page that draws the same words afresh (a projector
 * opened now, the PDF) gets the same picture.
 */
let browser: Browser;
let page: Page;

const question: PublicQuestion = { id: 'came', type: 'wordcloud', question: 'What did you come for?', maxAnswers: 3, maxLength: 25, results: 'live', slideIndex: 1, line: 1 } as PublicQuestion;
const WORDS = ['clients', 'leads', 'a job', 'contacts', 'ideas', 'friends', 'partners', 'advice', 'coffee', 'investors', 'mentors', 'feedback', 'referrals', 'inspiration', 'suppliers', 'a co-founder', 'talent', 'visibility', 'fun', 'learning'];
const LATER = ['courage', 'a new role', 'speakers', 'sponsors', 'volunteers', 'allies', 'customers', 'stories', 'insight', 'a laugh', 'practice', 'trust'];

function results(counts: Record<string, number>): Results {
  const words: WordTally[] = Object.entries(counts).map(([word, count]) => ({ id: word, word, count, status: 'approved', flagged: false }));
  return { type: 'wordcloud', questionId: 'came', responses: words.length, total: words.reduce((sum, word) => sum + word.count, 0), words };
}

interface Placed {
  x: number;
  y: number;
  box: { left: number; top: number; right: number; bottom: number };
}

async function render(box: string, counts: Record<string, number>, width = 900): Promise<Map<string, Placed>> {
  const placed = await page.evaluate(
    ({ box, width, results, question }) => {
      let container = document.getElementById(box);
      if (!container) {
        container = document.createElement('div');
        container.id = box;
        container.style.width = `${width}px`;
        document.body.append(container);
      }
      (window as unknown as { handsupResults: { renderResults(c: HTMLElement, o: unknown): void } }).handsupResults.renderResults(container, { question, results, animate: false });
      return [...container.querySelectorAll<SVGTextElement>('svg text')].map((node) => {
        const rect = node.getBoundingClientRect();
        return { id: node.dataset.id!, x: Number(node.dataset.x), y: Number(node.dataset.y), box: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } };
      });
    },
    { box, width, results: results(counts) as unknown, question: question as unknown },
  );
  return new Map(placed.map(({ id, ...rest }) => [id, rest]));
}

function expectNoOverlap(words: Map<string, Placed>): void {
  const all = [...words.entries()];
  for (const [index, [id, a]] of all.entries()) {
    for (const [other, b] of all.slice(index + 1)) {
      // Glyph boxes (a little taller than the letters): touching is fine, overlapping is not.
      const overlap = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 && Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1;
      expect(overlap, `${id} overlaps ${other}`).toBe(false);
    }
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  await page.setContent('<!doctype html><html><body style="font: 20px sans-serif; padding: 20px"></body></html>');
  await page.addStyleTag({ content: readFileSync(join(RESULTS_DIR, 'results.css'), 'utf8') });
  await page.addScriptTag({ content: await bundleResultsComponent() });
  await page.evaluate(() => document.fonts.ready);
});

afterAll(async () => {
  await browser?.close();
});

describe('a word cloud that does not jump', () => {
  const first = Object.fromEntries(WORDS.map((word, index) => [word, Math.max(1, 12 - index)]));

  it('keeps every word where it was when new answers arrive, and puts new words in free space', async () => {
    const before = await render('live', first);
    expect(before.size).toBe(WORDS.length);
    expectNoOverlap(before);
    await (await page.$('#live .handsup-cloud'))!.screenshot({ path: artifactPath('word-cloud-before.png') });

    // New words, and more of the most sent one.
    const next = { ...first, clients: first.clients! + 4, ...Object.fromEntries(LATER.map((word, index) => [word, 1 + (index % 2)])) };
    const after = await render('live', next);
    expect(after.size).toBe(WORDS.length + LATER.length);
    for (const word of WORDS) expect([after.get(word)!.x, after.get(word)!.y], word).toEqual([before.get(word)!.x, before.get(word)!.y]);
    expectNoOverlap(after);
    await (await page.$('#live .handsup-cloud'))!.screenshot({ path: artifactPath('word-cloud-after.png') });

    // One word sent much more often: it grows; every other word stays put.
    const grown = await render('live', { ...next, coffee: 14 });
    for (const [word, place] of after) if (word !== 'coffee') expect([grown.get(word)!.x, grown.get(word)!.y], word).toEqual([place.x, place.y]);
    expectNoOverlap(grown);
    await (await page.$('#live .handsup-cloud'))!.screenshot({ path: artifactPath('word-cloud-grown.png') });
  });

  it('draws the same words the same way on a page that starts afresh, at any size (the PDF)', async () => {
    const counts = { ...first, ...Object.fromEntries(LATER.map((word) => [word, 2])) };
    const projector = await render('fresh-projector', counts, 900);
    const pdf = await render('fresh-pdf', counts, 600);
    expect(projector.size).toBe(Object.keys(counts).length);
    for (const [word, place] of projector) expect([pdf.get(word)!.x, pdf.get(word)!.y], word).toEqual([place.x, place.y]);
  });
});

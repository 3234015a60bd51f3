import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../protocol/deck.ts';
import type { Results } from '../../protocol/session.ts';
import { finalEngine } from '../../server/export/final-results.ts';
import { openExportSession } from '../../server/export/open-session.ts';
import { startExportServer } from '../../server/export/pdf/export-server.ts';
import { printData } from '../../server/export/print-data.ts';
import { DIST_DIR } from '../../server/paths.ts';
import type { ResultsRenderOptions } from '../../slides/shared/results/render-results.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { seedBuiltInTalk } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { bundleResultsComponent, RESULTS_DIR } from '../support/results-component.ts';
import { tempDataDir } from '../support/server-process.ts';

/**
 * Bars on one axis: in every bar chart each row's track is as long as every other row's,
 * whatever its label or its count, measured in Chromium: the results component at a
 * projector's and a console's width, and the PDF's print view of a real session.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Every chart's track widths, chart by chart (a before/after is two charts). */
async function trackWidths(page: Page, scope = 'body'): Promise<number[][]> {
  return page.evaluate(
    (scope) =>
      [...document.querySelectorAll(`${scope} ol.handsup-bars`)].map((list) =>
        [...list.querySelectorAll<HTMLElement>('.handsup-bar-track')].map((track) => track.getBoundingClientRect().width),
      ),
    scope,
  );
}

function expectOneAxis(charts: number[][]): void {
  expect(charts.length).toBeGreaterThan(0);
  for (const widths of charts) {
    expect(widths.length).toBeGreaterThan(1);
    expect(widths[0]).toBeGreaterThan(40);
    for (const width of widths) expect(Math.abs(width - widths[0]!)).toBeLessThan(0.5);
  }
}

describe('the results component', () => {
  let page: Page;
  const long = 'A much longer option, the kind people write when they want to be precise about it';
  const choice: PublicQuestion = { id: 'pick', type: 'choice', question: 'Pick one', options: ['Yes', long, 'No'], multiple: false, results: 'live', slideIndex: 1, line: 1 };
  const scale: PublicQuestion = { id: 'sure', type: 'scale', question: 'How sure?', min: 1, max: 5, labels: ['No idea at all, none whatsoever', 'Sure'], results: 'live', slideIndex: 2, line: 1 };
  const tallies = (options: string[], counts: number[]) => {
    const total = counts.reduce((sum, count) => sum + count, 0);
    return options.map((option, index) => ({ option, count: counts[index]!, percent: Math.round((counts[index]! / total) * 100) }));
  };
  const choiceResults = (counts: number[]): Results => ({ type: 'choice', questionId: 'pick', responses: 1234, options: tallies(choice.options, counts) });
  const scaleResults: Results = { type: 'scale', questionId: 'sure', responses: 1121, average: 2.1, options: tallies(['1', '2', '3', '4', '5'], [1000, 7, 0, 100, 14]) };

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.setContent('<!doctype html><html><body style="font: 20px system-ui; padding: 20px"></body></html>');
    await page.addStyleTag({ content: readFileSync(join(RESULTS_DIR, 'results.css'), 'utf8') });
    await page.addScriptTag({ content: await bundleResultsComponent() });
  });

  async function render(id: string, width: number, options: ResultsRenderOptions): Promise<void> {
    await page.evaluate(
      ({ id, width, options }) => {
        const box = document.createElement('div');
        box.id = id;
        box.style.width = `${width}px`;
        box.style.marginBottom = '30px';
        document.body.append(box);
        (window as unknown as { handsupResults: { renderResults(c: HTMLElement, o: unknown): void } }).handsupResults.renderResults(box, options);
      },
      { id, width, options: options as unknown },
    );
  }

  it('gives every row the same track, with labels and counts of very different widths', async () => {
    await render('wide-choice', 900, { question: choice, results: choiceResults([1000, 230, 4]), animate: false });
    await render('wide-scale', 900, { question: scale, results: scaleResults, animate: false });
    // A console's narrow column: the label on its own line, the track and value below it.
    await render('narrow-choice', 260, { question: choice, results: choiceResults([1000, 230, 4]), animate: false });
    await render('narrow-scale', 260, { question: scale, results: scaleResults, animate: false });
    for (const id of ['wide-choice', 'wide-scale', 'narrow-choice', 'narrow-scale']) expectOneAxis(await trackWidths(page, `#${id}`));
    await page.screenshot({ path: artifactPath('results-axis-component.png'), fullPage: true });
  });

  it('lines a before and an after up on the same axis', async () => {
    const before: PublicQuestion = { ...choice, id: 'pick-before' };
    await render('compare', 900, {
      question: choice,
      results: choiceResults([3, 0, 1]),
      compare: { question: before, results: { ...choiceResults([1000, 230, 4]), questionId: 'pick-before' } },
      animate: false,
    });
    const [beforeWidths, afterWidths] = await trackWidths(page, '#compare');
    expectOneAxis([[...beforeWidths!, ...afterWidths!]]);
    await (await page.$('#compare'))!.screenshot({ path: artifactPath('results-axis-compare.png') });
  });
});

describe('the PDF’s print view', () => {
  let page: Page;
  let closeServer: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = tempDataDir();
    const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
    await seedBuiltInTalk(talk);
    await talk.close();
    const opened = openExportSession({ dataDir });
    if (!opened.ok) throw new Error(opened.message);
    const data = await printData(opened.source.deck, finalEngine(opened.source), { notes: false });
    const server = await startExportServer({ distDir: DIST_DIR, deck: opened.source.deck, printData: data });
    opened.close();
    closeServer = () => server.close();
    page = await browser.newPage();
    await page.goto(`${server.origin}/?print-pdf`);
    await page.waitForFunction(() => document.body.dataset.printReady !== undefined, undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    await closeServer?.();
  });

  it('draws every chart of the talk on one axis: polls, the quiz, the scale, the before/after', async () => {
    const charts = await trackWidths(page);
    // The opening poll, five quiz questions, the scale, and the closing before/after (two charts).
    expect(charts.length).toBeGreaterThanOrEqual(9);
    expectOneAxis(charts);
    const scale = page.locator('.pdf-page', { has: page.locator('[data-question-id="one-to-one-sure"]') });
    await scale.screenshot({ path: artifactPath('results-axis-print-scale.png') });
  });
});

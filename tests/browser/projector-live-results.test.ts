import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../protocol/deck.ts';
import type { Results } from '../../protocol/session.ts';
import type { ResultsRenderOptions } from '../../slides/shared/results/render-results.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { bundleResultsComponent, RESULTS_DIR } from '../support/results-component.ts';

/**
 * The shared results component on its own, in Chromium: every question type, updates in
 * place, the quiz answer only when the results carry it, and audience text as text.
 */
let browser: Browser;
let page: Page;

/** Renders into #box (made on first use) and returns the box's rows as text. */
async function render(options: ResultsRenderOptions, box = 'box'): Promise<void> {
  await page.evaluate(
    ({ options, box }) => {
      let container = document.getElementById(box);
      if (!container) {
        container = document.createElement('div');
        container.id = box;
        document.body.append(container);
      }
      (window as unknown as { handsupResults: { renderResults(c: HTMLElement, o: unknown): void } }).handsupResults.renderResults(container, options);
    },
    { options: options as unknown, box },
  );
}

async function rows(selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
}

const choice: PublicQuestion = { id: 'colour', type: 'choice', question: 'Pick one', options: ['Red', 'Green', 'Blue'], multiple: false, results: 'live', slideIndex: 1, line: 1 };
const choiceResults = (red: number, green: number, blue: number): Results => {
  const responses = red + green + blue;
  const percent = (count: number) => (responses === 0 ? 0 : Math.round((count / responses) * 100));
  return {
    type: 'choice',
    questionId: 'colour',
    responses,
    options: [
      { option: 'Red', count: red, percent: percent(red) },
      { option: 'Green', count: green, percent: percent(green) },
      { option: 'Blue', count: blue, percent: percent(blue) },
    ],
  };
};

beforeAll(async () => {
  const code = await bundleResultsComponent();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.setContent('<!doctype html><html><body style="font: 20px system-ui; padding: 20px"></body></html>');
  await page.addStyleTag({ content: readFileSync(join(RESULTS_DIR, 'results.css'), 'utf8') });
  await page.addScriptTag({ content: code });
});

afterAll(async () => {
  await browser?.close();
});

describe('renderResults', () => {
  it('draws choice results as text rows (option, percentage, count) with bars; no results yet is said so', async () => {
    await render({ question: choice, results: null }, 'empty');
    expect(await rows('#empty .handsup-bar')).toEqual(['A. Red 0% 0 votes', 'B. Green 0% 0 votes', 'C. Blue 0% 0 votes']);
    expect(await rows('#empty .handsup-results-total')).toEqual(['No answers yet']);

    await render({ question: choice, results: choiceResults(1, 0, 3) });
    expect(await rows('#box .handsup-bar')).toEqual(['A. Red 25% 1 vote', 'B. Green 0% 0 votes', 'C. Blue 75% 3 votes']);
    expect(await rows('#box .handsup-results-total')).toEqual(['4 responses']);
    expect(await page.locator('#box .handsup-bar-track').first().getAttribute('aria-hidden')).toBe('true');
  });

  it('updates in place: the same rows, the bars slide to their new widths', async () => {
    await page.evaluate(() => ((window as unknown as { firstRow: Element }).firstRow = document.querySelector('#box .handsup-bar')!));
    await render({ question: choice, results: choiceResults(2, 2, 0) });
    expect(await rows('#box .handsup-bar')).toEqual(['A. Red 50% 2 votes', 'B. Green 50% 2 votes', 'C. Blue 0% 0 votes']);
    expect(await page.evaluate(() => (window as unknown as { firstRow: Element }).firstRow === document.querySelector('#box .handsup-bar'))).toBe(true);
    const fills = await page.$$eval('#box .handsup-bar-fill', (items) => items.map((item) => (item as HTMLElement).style.width));
    expect(fills).toEqual(['50%', '50%', '0%']);
    expect(await page.$eval('#box .handsup-bar-fill', (fill) => getComputedStyle(fill).transitionDuration)).toBe('0.8s');
  });

  it('grows new bars from zero when animated, and draws them at once without animation (print)', async () => {
    const widthsRightAfter = await page.evaluate((results) => {
      const box = document.createElement('div');
      document.body.append(box);
      const api = (window as unknown as { handsupResults: { renderResults(c: HTMLElement, o: unknown): void } }).handsupResults;
      api.renderResults(box, { question: { id: 'colour', type: 'choice', question: 'Pick one', options: ['Red', 'Green', 'Blue'], multiple: false, results: 'live', slideIndex: 1, line: 1 }, results });
      const animated = [...box.querySelectorAll<HTMLElement>('.handsup-bar-fill')].map((fill) => fill.style.width);
      const still = document.createElement('div');
      document.body.append(still);
      api.renderResults(still, { question: { id: 'colour', type: 'choice', question: 'Pick one', options: ['Red', 'Green', 'Blue'], multiple: false, results: 'live', slideIndex: 1, line: 1 }, results, animate: false });
      return {
        animated,
        still: [...still.querySelectorAll<HTMLElement>('.handsup-bar-fill')].map((fill) => fill.style.width),
        stillTransition: getComputedStyle(still.querySelector('.handsup-bar-fill')!).transitionDuration,
        stillClass: still.classList.contains('handsup-results--static'),
      };
    }, choiceResults(1, 1, 2));
    expect(widthsRightAfter).toEqual({ animated: ['0%', '0%', '0%'], still: ['25%', '25%', '50%'], stillTransition: '0s', stillClass: true });
  });

  it('marks a quiz’s right answer only when the results carry it', async () => {
    const quiz: PublicQuestion = { id: 'q', type: 'quiz', question: 'Which?', options: ['One', 'Two'], time: 20, read: 3, results: 'after-close', slideIndex: 2, line: 1 };
    const tally = { type: 'quiz' as const, questionId: 'q', responses: 4, options: [{ option: 'One', count: 1, percent: 25 }, { option: 'Two', count: 3, percent: 75 }] };
    await render({ question: quiz, results: tally }, 'quiz');
    expect(await page.locator('#quiz .is-correct, #quiz .handsup-bar-correct').count()).toBe(0);
    await render({ question: quiz, results: { ...tally, correct: [1] } }, 'quiz');
    expect(await rows('#quiz .handsup-bar')).toEqual(['A. One 25% 1 vote', 'B. Two ✓ correct 75% 3 votes']);
    expect(await page.locator('#quiz .handsup-bar.is-correct').count()).toBe(1);
    expect(await page.locator('#quiz .handsup-bar.is-wrong').count()).toBe(1);
  });

  it('shows a scale’s average in large type above its distribution, with the end labels', async () => {
    const scale: PublicQuestion = { id: 's', type: 'scale', question: 'How sure?', min: 1, max: 3, labels: ['Not at all', 'Very'], results: 'live', slideIndex: 3, line: 1 };
    await render({ question: scale, results: null }, 'scale');
    expect(await rows('#scale .handsup-scale-average')).toEqual(['– average, from 1 to 3']);
    await render(
      { question: scale, results: { type: 'scale', questionId: 's', responses: 5, average: 2.4, options: [{ option: '1', count: 1, percent: 20 }, { option: '2', count: 1, percent: 20 }, { option: '3', count: 3, percent: 60 }] } },
      'scale',
    );
    expect(await rows('#scale .handsup-scale-average-value')).toEqual(['2.4']);
    expect(await rows('#scale .handsup-bar')).toEqual(['1 — Not at all 20% 1 vote', '2 20% 1 vote', '3 — Very 60% 3 votes']);
  });

  it('lists words, texts and Q&A as text: what the audience typed never becomes HTML', async () => {
    const attack = '<img src=x onerror="window.pwned=1">';
    const shown = { status: 'approved' as const, flagged: false };
    const words: PublicQuestion = { id: 'w', type: 'wordcloud', question: 'Words?', maxLength: 25, maxAnswers: 3, results: 'live', slideIndex: 4, line: 1 };
    await render(
      {
        question: words,
        results: {
          type: 'wordcloud',
          questionId: 'w',
          responses: 6,
          total: 8,
          words: [
            { id: 'leads', word: 'leads', count: 2, ...shown },
            { id: 'x', word: attack, count: 1, ...shown },
            { id: 'friends', word: 'friends', count: 5, ...shown },
          ],
        },
      },
      'words',
    );
    expect(await rows('#words .handsup-word')).toEqual(['friends 5', 'leads 2', `${attack} 1`]);

    const texts: PublicQuestion = { id: 't', type: 'text', question: 'Why?', maxLength: 280, results: 'live', slideIndex: 5, line: 1 };
    await render(
      {
        question: texts,
        results: {
          type: 'text',
          questionId: 't',
          responses: 3,
          answers: [
            { id: 'a3', text: 'Rude words', answeredAt: 3, status: 'pending', flagged: true },
            { id: 'a2', text: attack, answeredAt: 2, ...shown },
            { id: 'a1', text: 'Meeting people', answeredAt: 1, ...shown },
          ],
        },
      },
      'texts',
    );
    // The server's order (the presenter's waiting ones first, then newest first); anything not approved says so.
    expect(await rows('#texts .handsup-text')).toEqual(['Rude words waiting for approval', attack, 'Meeting people']);
    expect(await page.locator('#texts .handsup-text.is-pending').count()).toBe(1);

    const qa: PublicQuestion = { id: 'qa', type: 'qa', question: 'Ask', maxLength: 280, results: 'live', slideIndex: 6, line: 1 };
    const asked = { askedAt: 1, ...shown };
    await render(
      {
        question: qa,
        results: {
          type: 'qa',
          questionId: 'qa',
          responses: 4,
          questions: [
            { id: '1', text: 'On screen now', votes: 2, answered: false, pinned: true, ...asked },
            { id: '3', text: attack, votes: 4, answered: false, pinned: false, ...asked },
            { id: '2', text: 'Old one', votes: 1, answered: true, pinned: false, ...asked },
            { id: '4', text: 'Taken down', votes: 0, answered: false, pinned: false, askedAt: 2, status: 'hidden', flagged: false },
          ],
        },
      },
      'qa',
    );
    // The pinned one large on top, the one being answered; then the others.
    expect(await rows('#qa .handsup-qa-pinned')).toEqual(['Now answering On screen now 2 votes']);
    expect(await rows('#qa .handsup-qa-item')).toEqual([
      `4 votes ${attack}`,
      '1 vote Old one answered',
      '0 votes Taken down hidden',
    ]);

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await render({ question: texts, results: null }, 'no-texts');
    expect(await rows('#no-texts .handsup-results-body')).toEqual(['No answers shown yet']);
  });

  it('puts a compared run beside the question’s own, each labelled and counted', async () => {
    const before: PublicQuestion = { ...choice, id: 'before' } as PublicQuestion;
    await render(
      { question: choice, results: choiceResults(0, 3, 1), compare: { question: before, results: { ...choiceResults(2, 1, 1), questionId: 'before' } }, labels: { after: 'At the end' } },
      'compare',
    );
    expect(await page.locator('#compare.handsup-results--compare > .handsup-results-run').count()).toBe(2);
    expect(await rows('#compare .handsup-results-run-label')).toEqual(['Before', 'At the end']);
    expect(await rows('#compare .handsup-results-run--before .handsup-bar')).toEqual(['A. Red 50% 2 votes', 'B. Green 25% 1 vote', 'C. Blue 25% 1 vote']);
    expect(await rows('#compare .handsup-results-run--after .handsup-bar')).toEqual(['A. Red 0% 0 votes', 'B. Green 75% 3 votes', 'C. Blue 25% 1 vote']);
    const [left, right] = await page.$$eval('#compare > .handsup-results-run', (runs) => runs.map((run) => run.getBoundingClientRect().left));
    expect(right!).toBeGreaterThan(left! + 200);
    await render({ question: choice, results: null, compare: { question: before, results: null, label: 'First vote' } }, 'compare-empty');
    expect(await rows('#compare-empty .handsup-results-run-label')).toEqual(['First vote', 'After']);
    await page.screenshot({ path: artifactPath('results-component.png'), fullPage: true });
  });
});

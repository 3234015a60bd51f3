/**
 * THE results component: the presenter console, the projector and the PDF export all
 * draw results with it, so they always agree. Everything is text (option, count,
 * percentage) with bars beside it, never only a picture; audience text goes in as text.
 */
import type { PublicQuestion } from '../../../protocol/deck.ts';
import { shapeOf } from '../../../protocol/question-results.ts';
import type { ResultsShape } from '../../../protocol/question-types.ts';
import type { Results } from '../../../protocol/session.ts';
import { element, plural, setText } from './dom.ts';
import { gradedTallyRenderer, tallyRenderer } from './option-results.ts';
import { qaListRenderer } from './qa-list.ts';
import { scaleRenderer } from './scale-results.ts';
import { textListRenderer } from './text-list.ts';
import type { ResultsRenderer } from './types.ts';
import { wordCloudRenderer } from './word-cloud.ts';

export interface ResultsRenderOptions {
  question: PublicQuestion;
  results: Results | null; // null → "no answers yet"
  compare?: { question: PublicQuestion; results: Results | null; label?: string }; // before/after
  animate?: boolean; // default true; false for print/PDF and reduced motion
  /** The PDF's record: every entry listed (the print view moves what does not fit to pages after the slide), nothing only the live room needs. */
  record?: boolean;
  labels?: { before?: string; after?: string };
}

/** One renderer per results shape; a type reaches its shape's through its descriptor (protocol/question-types.ts). */
export const RESULTS_RENDERERS = {
  tally: tallyRenderer,
  'graded-tally': gradedTallyRenderer,
  average: scaleRenderer,
  words: wordCloudRenderer,
  answers: textListRenderer,
  questions: qaListRenderer,
} satisfies { [S in ResultsShape]: ResultsRenderer<S> };

interface Run {
  key: 'only' | 'before' | 'after';
  label?: string;
  question: PublicQuestion;
  results: Results | null;
}

function runsOf(options: ResultsRenderOptions): Run[] {
  const { question, results, compare, labels } = options;
  if (!compare) return [{ key: 'only', question, results }];
  return [
    { key: 'before', label: compare.label ?? labels?.before ?? 'Before', question: compare.question, results: compare.results },
    { key: 'after', label: labels?.after ?? 'After', question, results },
  ];
}

function responsesText(results: Results | null): string {
  const responses = results?.responses ?? 0;
  return responses === 0 ? 'No answers yet' : plural(responses, 'response', 'responses');
}

function drawRun(runElement: HTMLElement, run: Run, animate: boolean, record: boolean): void {
  setText(runElement.querySelector('.handsup-results-total')!, responsesText(run.results));
  const label = runElement.querySelector('.handsup-results-run-label');
  if (label) setText(label, run.label ?? '');
  // The results decide the renderer when there are some; before the first, the question does.
  const type = run.results?.type ?? run.question.type;
  runElement.dataset.type = type;
  const body = runElement.querySelector<HTMLElement>('.handsup-results-body')!;
  // The results, when there are some, are this type's, so of the shape whose renderer this is.
  const renderer = RESULTS_RENDERERS[shapeOf(type)] as ResultsRenderer<ResultsShape>;
  renderer.render(body, run.question, run.results, animate, record);
}

function buildRun(run: Run): HTMLElement {
  // A div, not a <section>: inside a reveal.js slide a section would become a vertical slide.
  const runElement = element('div', `handsup-results-run handsup-results-run--${run.key}`);
  runElement.dataset.run = run.key;
  const header = element('header', 'handsup-results-header');
  if (run.key !== 'only') header.append(element('h4', 'handsup-results-run-label'));
  header.append(element('p', 'handsup-results-total'));
  runElement.append(header, element('div', 'handsup-results-body'));
  return runElement;
}

/** Renders (or updates in place, animating bar widths) the results into container. Text always present: option, count, percentage. */
export function renderResults(container: HTMLElement, options: ResultsRenderOptions): void {
  const animate = options.animate ?? true;
  const runs = runsOf(options);
  const layout = `${options.compare ? 'compare' : 'single'}:${runs.map((run) => run.question.id).join('/')}`;
  container.classList.add('handsup-results');
  container.classList.toggle('handsup-results--compare', options.compare !== undefined);
  container.classList.toggle('handsup-results--static', !animate);
  if (container.dataset.layout !== layout) {
    container.dataset.layout = layout;
    container.replaceChildren(...runs.map(buildRun));
  }
  for (const run of runs) {
    drawRun(container.querySelector<HTMLElement>(`:scope > [data-run="${run.key}"]`)!, run, animate, options.record ?? false);
  }
}

import type { RevealConfig } from 'reveal.js';
import type { PublicDeck, PublicQuestion } from '../../protocol/deck.ts';
import { PRINT_DATA_PATH, PRINT_PROGRESS_FUNCTION, type PrintData, type PrintProgress } from '../../protocol/export.ts';
import { lastScoredQuestion } from '../shared/last-scored.ts';
import { renderQuizBoard } from '../shared/results/quiz-board.ts';
import { renderResults } from '../shared/results/render-results.ts';
import { addContinuationPages } from './print-continued.ts';
import { fillPrintJoinSlides } from './print-join.ts';
import './print.css';

/**
 * The projector page in reveal.js's print view (`/?print-pdf`), as `handsup export pdf`
 * drives it: no socket; the final results come from the export server and are drawn into
 * every question slide with the same results component as the projector and the console,
 * still (no animation), every typed entry listed (what a slide cannot hold goes on pages
 * after it). Without a session (the slides before the talk) the questions keep their
 * options and get no results. Opened on a live server, which has no print data, it prints
 * the plain deck. The page says when it is done through body data attributes the exporter
 * waits for: data-print-results (question slides filled, or "none") and data-print-ready
 * (pages laid out and fonts loaded).
 */

/** Tells the exporter, when one is listening; resolves once it has heard. */
async function report(progress: PrintProgress): Promise<void> {
  const reporter = (window as unknown as Record<string, unknown>)[PRINT_PROGRESS_FUNCTION];
  if (typeof reporter === 'function') await (reporter as (progress: PrintProgress) => Promise<unknown>)(progress);
}

async function loadPrintData(): Promise<PrintData | undefined> {
  const response = await fetch(PRINT_DATA_PATH, { cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok) return undefined;
  // A dev server may answer an unknown path with a page: no print data then, the plain deck.
  return (await response.json().catch(() => undefined)) as PrintData | undefined;
}

function part(tag: 'div' | 'p' | 'span', className: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/** The slide's heading usually is the question: say it once, as the projector does. */
function sayQuestionOnce(root: HTMLElement): void {
  const heading = root.closest('section')?.querySelector('h1, h2');
  const text = root.querySelector('.handsup-question-text');
  if (heading && text && heading.textContent?.trim() === text.textContent?.trim()) root.classList.add('handsup-question--titled');
}

/** Draws one question's final results where the projector shows them once revealed. */
function fillQuestion(root: HTMLElement, question: PublicQuestion, deck: PublicDeck, data: PrintData): HTMLElement {
  const text = root.querySelector('.handsup-question-text');
  root.classList.add('is-revealed');
  root.dataset.status = 'closed';

  const results = part('div', 'handsup-live-results');
  if (text) text.after(results);
  else root.prepend(results);
  const compared = question.compare ? deck.questions.find((other) => other.id === question.compare) : undefined;
  renderResults(results, {
    question,
    results: data.results[question.id] ?? null,
    ...(compared ? { compare: { question: compared, results: data.results[compared.id] ?? null } } : {}),
    animate: false,
    record: true,
  });

  const responses = data.results[question.id]?.responses ?? 0;
  const meta = part('div', 'handsup-live-meta');
  meta.append(
    part('p', 'handsup-live-count', `${responses} ${responses === 1 ? 'response' : 'responses'}`),
    part('span', 'handsup-live-status', 'Final results'),
  );
  root.append(meta);
  return results;
}

/**
 * The quiz standings go beside the last quiz question's results, where the room saw them:
 * the podium once every quiz question was played, otherwise the leaderboard so far.
 */
function placeQuizBoard(results: HTMLElement, data: PrintData): void {
  if (!data.quiz || data.quiz.players === 0) return;
  const row = part('div', 'handsup-print-row');
  results.replaceWith(row);
  const board = document.createElement('aside');
  board.className = 'handsup-print-board';
  renderQuizBoard(board, data.quiz, { podium: true });
  row.append(results, board);
}

function addNotes(slidesRoot: HTMLElement, notes: string[]): void {
  for (const section of slidesRoot.querySelectorAll<HTMLElement>('section[data-handsup-slide]')) {
    const html = notes[Number(section.dataset.handsupSlide)];
    if (!html) continue;
    const aside = document.createElement('aside');
    aside.className = 'notes';
    // The notes are the presenter's own Markdown, compiled like the slides: trusted the same way.
    aside.innerHTML = html;
    section.append(aside);
  }
}

function slideTitle(section: Element, deck: PublicDeck): string {
  const slide = deck.slides[Number((section as HTMLElement).dataset.handsupSlide)];
  return slide ? `slide ${slide.index + 1}${slide.title ? ` "${slide.title}"` : ''}` : 'a slide';
}

/** A slide's content is not shrunk below this to fit its page; past it, it is cut and reported. */
const SMALLEST_ZOOM = 0.6;

function overflowOf(page: HTMLElement, section: HTMLElement): number {
  return section.offsetTop + section.scrollHeight - page.clientHeight;
}

/**
 * A question slide with its results can be taller than the slide it was written for (a
 * long question under its heading, a scale's five bars): its question block is zoomed
 * down until the slide fits its page, and centred again as reveal.js centres slides.
 * Returns false when even the smallest zoom does not fit.
 */
function fitToPage(page: HTMLElement, section: HTMLElement): boolean {
  const shrinkable = section.querySelector<HTMLElement>('.handsup-question') ?? section;
  for (let attempt = 0; attempt < 3 && overflowOf(page, section) > 1; attempt += 1) {
    const height = shrinkable.getBoundingClientRect().height;
    const current = Number(shrinkable.style.zoom || 1);
    const zoom = Math.max(SMALLEST_ZOOM, current * ((height - overflowOf(page, section)) / height));
    if (zoom >= current) break;
    shrinkable.style.zoom = String(zoom);
    section.style.top = `${Math.max((page.clientHeight - section.scrollHeight) / 2, 0)}px`;
  }
  return overflowOf(page, section) <= 1;
}

/**
 * After reveal.js laid the pages out and the fonts loaded: long lists continued on pages of
 * their own, tall slides fitted, the pages counted and reported.
 */
function whenLaidOut(deck: PublicDeck): void {
  const reveal = document.querySelector('.reveal');
  let pages = 0;
  reveal?.addEventListener(
    'pdf-ready',
    () => {
      void document.fonts.ready
        .then(() => {
          addContinuationPages(document.querySelector<HTMLElement>('.reveal .slides')!);
          pages = document.querySelectorAll('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf[data-layout="separate-page"]').length;
          const overflowing = new Set<string>();
          for (const page of document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')) {
            const section = page.querySelector<HTMLElement>('section[data-handsup-slide]');
            if (section && !fitToPage(page, section)) overflowing.add(slideTitle(section, deck));
          }
          return report({ stage: 'layout', pages, overflowing: [...overflowing] });
        })
        .finally(() => (document.body.dataset.printReady = String(pages)));
    },
    { once: true },
  );
}

/** Draws the final results into every question slide, the standings beside the last quiz; returns how many. */
async function fillResults(slidesRoot: HTMLElement, deck: PublicDeck, data: PrintData): Promise<number> {
  const questions = new Map(deck.questions.map((question) => [question.id, question]));
  const roots = [...slidesRoot.querySelectorAll<HTMLElement>('.handsup-question[data-question-id]')];
  const lastQuiz = lastScoredQuestion(deck.questions);
  let done = 0;
  for (const root of roots) {
    const question = questions.get(root.dataset.questionId ?? '');
    if (!question) continue;
    const results = fillQuestion(root, question, deck, data);
    if (question === lastQuiz) placeQuizBoard(results, data);
    done += 1;
    // Progress only: not waited for (a round trip to the exporter per question held reveal.js's start back).
    // The exporter hears the reports in order, this one before the layout report it waits for.
    report({ stage: 'results', done, total: roots.length }).catch(() => undefined);
  }
  return done;
}

/**
 * Prepares the print view before reveal.js starts: final results in every question slide,
 * the quiz standings, and the notes when asked for. Returns reveal.js's print settings:
 * one page per slide (`?fragments`: one per fragment step), notes on their own pages (`?notes`).
 */
export async function preparePrint(slidesRoot: HTMLElement, deck: PublicDeck): Promise<RevealConfig> {
  const params = new URLSearchParams(location.search);
  whenLaidOut(deck);
  const data = await loadPrintData();
  if (!data) {
    document.body.dataset.printResults = 'none';
  } else {
    fillPrintJoinSlides(slidesRoot, data.join);
    slidesRoot.querySelectorAll<HTMLElement>('.handsup-question[data-question-id]').forEach(sayQuestionOnce);
    // Without a session (the slides before the talk) the questions keep their options: no results to draw.
    const done = data.session === null ? 0 : await fillResults(slidesRoot, deck, data);
    if (data.notes && params.has('notes')) addNotes(slidesRoot, data.notes);
    document.body.dataset.printResults = String(done);
  }
  // reveal.js takes 'separate-page' for showNotes (its print view reads it); its types only say boolean.
  const notesOnOwnPages = 'separate-page' as unknown as boolean;
  return {
    pdfSeparateFragments: params.has('fragments'),
    // One page per slide: a slide taller than a page is cut (and reported), never spread over two.
    pdfMaxPagesPerSlide: 1,
    showNotes: data?.notes && params.has('notes') ? notesOnOwnPages : false,
  };
}

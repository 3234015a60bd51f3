/**
 * Deck compiler benchmark: `npx tsx tests/bench/compile.ts` (or `npm run bench:compile`).
 *
 * Compiles a generated 500-slide deck (headings, fragment lists, code, notes, vertical
 * slides, ~50 poll blocks of every type) 20 times after a warm-up, and reports it against
 * a baseline measured in the same run: one plain `new Marked().parse()` of the same text.
 * The ratio says what the compiler costs on top of Markdown rendering itself, which is
 * steadier across machines than the absolute times. Budget: well under 200 ms per compile.
 */
import { Marked } from 'marked';
import { performance } from 'node:perf_hooks';
import { compileDeck } from '../../slides/compiler/index.ts';

const SLIDES = 500;
const RUNS = 20;
const WARM_UP_RUNS = 5;

const POLL_BLOCKS = [
  (n: number) => `type: choice\nquestion: Which option number ${n}?\noptions:\n  - Red\n  - Green\n  - Blue\nmultiple: true`,
  (n: number) => `type: quiz\nid: quiz-${n}\noptions: [Paris, Lyon, Nice]\ncorrect: Paris\ntime: 30`,
  (n: number) => `type: scale\nquestion: How sure are you (${n})?\nmin: 1\nmax: 10\nlabels: [Not at all, Completely]`,
  (n: number) => `type: wordcloud\nquestion: One word for day ${n}\nmax-answers: 2`,
  (n: number) => `type: text\nquestion: What should we change (${n})?\nmax-length: 500`,
  (n: number) => `type: qa\nquestion: Questions for round ${n}?`,
];

function slideMarkdown(n: number): string {
  const parts = [`## Slide ${n}: networking &amp; relationships`, ''];
  if (n % 10 === 5) {
    parts.push('```poll', POLL_BLOCKS[Math.floor(n / 10) % POLL_BLOCKS.length]?.(n) ?? '', '```', '');
  } else if (n % 3 === 0) {
    parts.push(
      `- first point with **bold** text <!-- .element: class="fragment" -->`,
      `- second point with a [link](https://example.com/${n}) <!-- .element: class="fragment" data-fragment-index="2" -->`,
      `- third point <!-- .element: class="fragment" data-fragment-index="2" -->`,
      '',
    );
  } else if (n % 3 === 1) {
    parts.push('```ts', `const slide = ${n};`, '// a separator inside code stays code:', '---', 'export {};', '```', '');
  } else {
    parts.push(`Some *emphasis* and \`inline code\` on slide ${n}.`, '', '![diagram](img/d.png) <!-- .element: class="fragment" -->', '');
  }
  if (n % 4 === 0) parts.push('<!-- .slide: data-background="#112233" class="dark" -->', '');
  if (n % 2 === 0) parts.push('Note:', `Remember to pause on slide ${n}.`, '- and ask a question');
  return parts.join('\n');
}

function generateDeck(slides: number): string {
  const chunks: string[] = [];
  for (let n = 0; n < slides; n += 1) {
    if (n > 0) chunks.push(n % 5 === 1 ? '\n--\n' : '\n---\n');
    chunks.push(slideMarkdown(n));
  }
  return chunks.join('');
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const source = generateDeck(SLIDES);
const baselineMarked = new Marked();

const check = compileDeck(source, 'bench.md');
if (check.problems.length > 0) {
  console.error(check.problems.slice(0, 5));
  throw new Error(`the generated deck has ${check.problems.length} problems`);
}

for (let run = 0; run < WARM_UP_RUNS; run += 1) {
  compileDeck(source, 'bench.md');
  baselineMarked.parse(source, { async: false });
}

const compileTimes: number[] = [];
const baselineTimes: number[] = [];
// Interleaved, so a slow moment of the machine hits both sides alike.
for (let run = 0; run < RUNS; run += 1) {
  compileTimes.push(time(() => compileDeck(source, 'bench.md')));
  baselineTimes.push(time(() => baselineMarked.parse(source, { async: false })));
}
compileTimes.sort((a, b) => a - b);
baselineTimes.sort((a, b) => a - b);

const compileMedian = percentile(compileTimes, 0.5);
const baselineMedian = percentile(baselineTimes, 0.5);
const format = (ms: number): string => `${ms.toFixed(1)} ms`;
console.log(`deck: ${check.deck.slides.length} slides, ${check.deck.questions.length} questions, ${(source.length / 1024).toFixed(0)} KB of Markdown`);
console.log(`compileDeck:        median ${format(compileMedian)}, p90 ${format(percentile(compileTimes, 0.9))} (${RUNS} runs after ${WARM_UP_RUNS} warm-up)`);
console.log(`baseline marked:    median ${format(baselineMedian)}, p90 ${format(percentile(baselineTimes, 0.9))}`);
console.log(`ratio compile/baseline (medians): ${(compileMedian / baselineMedian).toFixed(2)}`);

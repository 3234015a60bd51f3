/**
 * Markdown deck → typed Deck, with every problem in the file. Pure: no file system, no
 * DOM, no global state, so the server, the Vite plugin and `handsup check` all get the
 * same deck from the same text.
 */
import type { Deck, DeckProblem } from '../../protocol/deck.ts';
import { codeLanguagesOf } from './code-languages.ts';
import { DeckQuestions } from './deck-questions.ts';
import { readFrontMatter } from './front-matter.ts';
import { sortByLine, type LineProblem } from './problems.ts';
import { compileSlide } from './slide.ts';
import { findFrontMatter, splitDeck } from './split.ts';

export interface CompileResult {
  /** Best effort when there are problems; callers must not start a deck that has any. */
  deck: Deck;
  /** Every problem in the file, sorted by line. */
  problems: DeckProblem[];
  /** What handsup leaves out but that does not stop the deck (ignored reveal.js options, unknown code languages), sorted by line. */
  warnings: DeckProblem[];
}

/** `talks/intro.md` → `intro`: the title of last resort. */
function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '') || base;
}

export function compileDeck(source: string, file: string): CompileResult {
  // Line numbers are counted on `\n`; a BOM or CRLF endings must not shift or pollute them.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const frontMatterSource = findFrontMatter(text);
  const frontMatter = readFrontMatter(frontMatterSource);
  const split = splitDeck(text, frontMatterSource, frontMatter.separators);
  const problems: LineProblem[] = [...split.problems, ...frontMatter.problems];

  const deckQuestions = new DeckQuestions();
  const slides = split.slides.map((slideSource, index) => {
    const compiled = compileSlide(slideSource, index, deckQuestions);
    problems.push(...compiled.problems);
    return compiled.slide;
  });
  deckQuestions.checkComparisons();
  problems.push(...deckQuestions.problems);

  // Empty slides are kept (reveal.js shows them), but a deck of nothing else is a mistake.
  if (slides.every((slide) => slide.html === '' && slide.notes === '')) {
    problems.push({ line: 1, message: 'the deck has no slides — write some Markdown, with a --- line between slides' });
  }

  const code = codeLanguagesOf(split.codeFences);
  const deck: Deck = {
    // An empty first slide (a leading ---) has no title to give.
    title: frontMatter.title ?? (slides.find((slide) => slide.html !== '')?.title || fileTitle(file)),
    file,
    display: { ...frontMatter.display, codeLanguages: code.languages },
    slides,
    questions: deckQuestions.questions,
    ...(frontMatter.lang ? { lang: frontMatter.lang } : {}),
    ...(frontMatter.moderation ? { moderation: frontMatter.moderation } : {}),
  };
  const located = (list: LineProblem[]) => sortByLine(list).map(({ line, message }) => ({ file, line, message }));
  return { deck, problems: located(problems), warnings: located([...frontMatter.warnings, ...code.warnings]) };
}

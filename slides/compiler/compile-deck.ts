/**
 * Markdown deck → typed Deck, with every problem in the file. Pure: no file system, no
 * DOM, no global state, so the server, the Vite plugin and `handsup check` all get the
 * same deck from the same text.
 */
import type { Deck, DeckProblem } from '../../protocol/deck.ts';
import { DeckQuestions } from './deck-questions.ts';
import { readFrontMatter } from './front-matter.ts';
import { sortByLine, type LineProblem } from './problems.ts';
import { compileSlide } from './slide.ts';
import { splitDeck } from './split.ts';

export interface CompileResult {
  /** Best effort when there are problems; callers must not start a deck that has any. */
  deck: Deck;
  /** Every problem in the file, sorted by line. */
  problems: DeckProblem[];
}

/** `talks/intro.md` → `intro`: the title of last resort. */
function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '') || base;
}

export function compileDeck(source: string, file: string): CompileResult {
  // Line numbers are counted on `\n`; a BOM or CRLF endings must not shift or pollute them.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitDeck(text);
  const frontMatter = readFrontMatter(split.frontMatter);
  const problems: LineProblem[] = [...split.problems, ...frontMatter.problems];

  const deckQuestions = new DeckQuestions();
  const slides = split.slides.map((slideSource, index) => {
    const compiled = compileSlide(slideSource, index, deckQuestions);
    problems.push(...compiled.problems);
    return compiled.slide;
  });
  deckQuestions.checkComparisons();
  problems.push(...deckQuestions.problems);

  if (slides.length === 0) {
    problems.push({ line: 1, message: 'the deck has no slides — write some Markdown, with a --- line between slides' });
  }

  const deck: Deck = {
    title: frontMatter.title ?? (slides[0]?.title || fileTitle(file)),
    file,
    slides,
    questions: deckQuestions.questions,
    ...(frontMatter.lang ? { lang: frontMatter.lang } : {}),
    ...(frontMatter.moderation ? { moderation: frontMatter.moderation } : {}),
  };
  return { deck, problems: sortByLine(problems).map(({ line, message }) => ({ file, line, message })) };
}

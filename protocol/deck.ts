/**
 * The compiled deck: what the deck compiler produces from a talk's Markdown and what
 * the server, the projector, the console and the phones all read. One shape for all of
 * them, so a phone and the projector can never disagree about a question.
 */

import { QUESTION_TYPE_FACTS, type Question } from './question-types.ts';

export { QUESTION_TYPES, RESULTS_VISIBILITY } from './question-types.ts';
export type {
  ChoiceQuestion,
  QaQuestion,
  Question,
  QuestionType,
  QuizQuestion,
  ResultsVisibility,
  ScaleQuestion,
  TextQuestion,
  WordcloudQuestion,
} from './question-types.ts';

/** Where a slide sits in reveal.js's grid: h is the column, v the row inside it. */
export interface SlidePosition {
  h: number;
  v: number;
}

/** A question as a phone or the projector may see it: a quiz's answer removed. */
export type PublicQuestion = Question extends infer Q
  ? Q extends { correct: unknown }
    ? Omit<Q, 'correct'>
    : Q
  : never;

export interface Slide {
  /** Position in reading order (reveal.js's flattened index). */
  index: number;
  position: SlidePosition;
  /** The slide's HTML, ready to go inside reveal.js's <section>. */
  html: string;
  /** Speaker notes as HTML. Only the presenter console gets these. */
  notes: string;
  /** The first heading's text, or '' when the slide has none. */
  title: string;
  /** Attributes for the <section> from `<!-- .slide: … -->`. */
  attributes: Record<string, string>;
  /** How many fragment steps the slide has. */
  fragments: number;
  /** Ids of the questions on this slide (usually zero or one). */
  questionIds: string[];
  /** 1-based line where the slide starts in the deck file. */
  line: number;
}

/** How what the audience types is screened (deck front matter `profanity-filter`, `blocked-words`). */
export interface DeckModeration {
  /** The built-in English profanity list is on unless the front matter says `profanity-filter: false`. */
  profanityFilter: boolean;
  /** The presenter's own words and phrases, held back like profanity (even with the filter off). */
  blockedWords: string[];
}

/** reveal.js options from reveal-md's `revealOptions:` that the projector passes on. */
export type RevealDisplayOptions = Record<string, string | number | boolean>;

/** How the projector shows the deck (reveal-md front matter; handsup's defaults otherwise). */
export interface DeckDisplay {
  /** A theme shipped with reveal.js, e.g. `white`. */
  theme: string;
  /** A style shipped with highlight.js, e.g. `monokai` or `base16/dracula`. */
  highlightTheme: string;
  reveal: RevealDisplayOptions;
  /** The highlight.js languages (module names, e.g. `rust`) the deck's code blocks use: the projector loads only these. */
  codeLanguages: string[];
}

export const DEFAULT_DISPLAY: DeckDisplay = { theme: 'white', highlightTheme: 'monokai', reveal: {}, codeLanguages: [] };

export interface Deck {
  /** The talk's title: the first slide's title, or the file name. */
  title: string;
  /** Front matter `lang` (a BCP 47 tag such as de or pt-BR): the phones speak it when they can. */
  lang?: string;
  display: DeckDisplay;
  /** Absent means the defaults: the filter on, no extra words. Never sent to phones or the projector. */
  moderation?: DeckModeration;
  /** Path of the deck file as given to the compiler (used in messages). */
  file: string;
  slides: Slide[];
  questions: Question[];
}

/** The deck as the projector and phones get it: no notes, no quiz answers. */
export interface PublicDeck {
  title: string;
  lang?: string;
  display: DeckDisplay;
  slides: Omit<Slide, 'notes'>[];
  questions: PublicQuestion[];
}

/** A problem in a deck file, reported as `file:line: message`. */
export interface DeckProblem {
  file: string;
  line: number;
  message: string;
}

/** A language tag as `lang:` takes it: letters and digits in dash-separated parts (en, de-CH, zh-Hant-TW). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export function formatProblem(problem: DeckProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** A warning (something handsup leaves out that does not stop the deck), as `file:line: warning: message`. */
export function formatWarning(warning: DeckProblem): string {
  return formatProblem({ ...warning, message: `warning: ${warning.message}` });
}

export function toPublicQuestion(question: Question): PublicQuestion {
  // Scored types hold their answer in `correct`: a phone must not be able to read it.
  if (!QUESTION_TYPE_FACTS[question.type].scored || !('correct' in question)) return question;
  const { correct: _hidden, ...rest } = question;
  return rest;
}

export function toPublicDeck(deck: Deck): PublicDeck {
  return {
    title: deck.title,
    ...(deck.lang ? { lang: deck.lang } : {}),
    display: deck.display,
    slides: deck.slides.map(({ notes: _notes, ...slide }) => slide),
    questions: deck.questions.map(toPublicQuestion),
  };
}

/**
 * reveal-md's `revealOptions:` front matter. The options that change how the deck looks
 * on the projector pass to reveal.js; the ones that fight handsup (the presenter console
 * drives the talk, the projector owns its address, plugins are handsup's) are named in
 * a warning and ignored, never an error: a reveal-md deck must still start.
 */
import { z } from 'zod';
import type { RevealDisplayOptions } from '../../protocol/deck.ts';
import type { LineProblem } from './problems.ts';
import { quote } from './text.ts';

const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
const size = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(px|%)?$/)]);

/** The options that pass, each with the type reveal.js 6 takes. */
const PASSED: Record<string, z.ZodType<string | number | boolean>> = {
  transition: z.enum(TRANSITIONS),
  transitionSpeed: z.enum(['default', 'fast', 'slow']),
  backgroundTransition: z.enum(TRANSITIONS),
  controls: z.boolean(),
  controlsTutorial: z.boolean(),
  controlsLayout: z.enum(['bottom-right', 'edges']),
  controlsBackArrows: z.enum(['faded', 'hidden', 'visible']),
  progress: z.boolean(),
  slideNumber: z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
  showSlideNumber: z.enum(['all', 'print', 'speaker']),
  center: z.boolean(),
  width: size,
  height: size,
  margin: z.number().min(0).max(1),
  minScale: z.number().positive(),
  maxScale: z.number().positive(),
  disableLayout: z.boolean(),
  rtl: z.boolean(),
  autoAnimate: z.boolean(),
  autoAnimateEasing: z.string(),
  autoAnimateDuration: z.number().positive(),
  autoAnimateUnmatched: z.boolean(),
  autoPlayMedia: z.boolean(),
  viewDistance: z.number().int().positive(),
  mobileViewDistance: z.number().int().positive(),
  display: z.string(),
  hideInactiveCursor: z.boolean(),
  hideCursorTime: z.number().int().positive(),
  parallaxBackgroundImage: z.string(),
  parallaxBackgroundSize: z.string(),
  parallaxBackgroundRepeat: z.string(),
  parallaxBackgroundPosition: z.string(),
  parallaxBackgroundHorizontal: z.number(),
  parallaxBackgroundVertical: z.number(),
};

const DRIVEN_BY_CONSOLE = 'the presenter console drives the talk';
const IGNORED: Record<string, string> = {
  ...Object.fromEntries(
    ['keyboard', 'keyboardCondition', 'touch', 'mouseWheel', 'overview', 'help', 'jumpToSlide', 'navigationMode', 'loop',
      'shuffle', 'autoSlide', 'autoSlideStoppable', 'autoSlideMethod', 'defaultTiming', 'totalTime', 'minimumTimePerSlide',
      'fragments', 'fragmentInURL', 'pause'].map((name) => [name, DRIVEN_BY_CONSOLE]),
  ),
  ...Object.fromEntries(
    ['hash', 'history', 'hashOneBasedIndex', 'respondToHashChanges', 'embedded', 'postMessage', 'postMessageEvents', 'previewLinks',
      'view', 'scrollActivationWidth', 'scrollProgress', 'scrollSnap', 'scrollLayout'].map((name) => [name, 'the projector page sets it']),
  ),
  showNotes: 'speaker notes stay in the presenter console',
  plugins: 'handsup loads its own reveal.js plugins',
  dependencies: 'handsup loads its own reveal.js plugins',
  markdown: 'handsup compiles the Markdown itself',
  highlight: 'use the highlightTheme front matter field',
  math: 'the math plugin is not included',
};

export interface RevealOptionsResult {
  options: RevealDisplayOptions;
  problems: LineProblem[];
  warnings: LineProblem[];
}

export function readRevealOptions(value: unknown, lineOf: (key: string | null) => number): RevealOptionsResult {
  const result: RevealOptionsResult = { options: {}, problems: [], warnings: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    result.problems.push({ line: lineOf(null), message: 'revealOptions: must be a block of reveal.js options, e.g. revealOptions: { transition: fade }' });
    return result;
  }
  for (const [name, option] of Object.entries(value)) {
    const schema = PASSED[name];
    if (schema) {
      const parsed = schema.safeParse(option);
      if (parsed.success) result.options[name] = parsed.data;
      else result.problems.push({ line: lineOf(name), message: `revealOptions.${name}: ${quote(option)} is not a value reveal.js takes here — ${describe(schema)}` });
      continue;
    }
    const reason = IGNORED[name] ?? 'not a reveal.js option handsup knows';
    result.warnings.push({ line: lineOf(name), message: `revealOptions.${name} is ignored — ${reason}` });
  }
  return result;
}

function describe(schema: z.ZodType): string {
  if (schema instanceof z.ZodEnum) return `one of ${schema.options.join(', ')}`;
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodNumber) return 'a number';
  if (schema instanceof z.ZodString) return 'text';
  return 'see reveal.js\u2019s configuration docs';
}

/** For docs and messages: which options pass. */
export const PASSED_REVEAL_OPTIONS = Object.keys(PASSED);

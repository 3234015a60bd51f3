/**
 * The optional YAML front matter at the very top of the deck (see split.ts for when a
 * leading `---` counts as front matter). `title:` overrides the title taken from the
 * first slide; `lang:` is the language the phones speak; `profanity-filter:` and
 * `blocked-words:` set how what the audience types is screened (see docs/authoring.md,
 * "Moderation"). reveal-md's fields work too: `theme`, `highlightTheme`, `separator`,
 * `verticalSeparator` and `revealOptions`.
 */
import { z } from 'zod';
import { DEFAULT_DISPLAY, LANGUAGE_TAG, type DeckDisplay, type DeckModeration } from '../../protocol/deck.ts';
import type { LineProblem } from './problems.ts';
import { readRevealOptions } from './reveal-options.ts';
import { DEFAULT_SEPARATORS, type FrontMatterSource, type Separators } from './split.ts';
import { closestMatch } from './suggest.ts';
import { quote } from './text.ts';
import { HIGHLIGHT_THEMES, REVEAL_THEMES } from './theme-names.ts';
import { parseYamlBlock } from './yaml-block.ts';

const FRONT_MATTER_FIELDS = [
  'title', 'lang', 'profanity-filter', 'blocked-words', 'theme', 'highlightTheme', 'separator', 'verticalSeparator', 'revealOptions',
];
const BLOCKED_WORDS_MAX = { count: 500, length: 50 } as const;

const themeName = (field: string, names: readonly string[]) =>
  z.string({ error: `${field}: must be a theme name` }).superRefine((name, context) => {
    if (names.includes(name)) return;
    const suggestion = closestMatch(name, names);
    const hint = suggestion ? `did you mean ${quote(suggestion)}? ` : '';
    context.addIssue({ code: 'custom', message: `${field}: no theme ${quote(name)} — ${hint}valid: ${names.join(', ')}` });
  });

const pattern = (field: string) =>
  z.string({ error: `${field}: must be a regular expression, as reveal.js's data-${field === 'separator' ? 'separator' : 'separator-vertical'} takes it` })
    .min(1, { error: `${field}: is empty — write a pattern such as ^---$ or delete the line` })
    .superRefine((source, context) => {
      try {
        new RegExp(source, 'mg');
      } catch (error) {
        context.addIssue({ code: 'custom', message: `${field}: not a valid regular expression (${(error as Error).message})` });
      }
    });

const FRONT_MATTER = z.strictObject({
  title: z
    .string({ error: 'front matter title: must be text' })
    .trim()
    .min(1, { error: 'front matter title: is empty — write the talk title or delete the line' })
    .optional(),
  lang: z
    .string({ error: 'lang: must be a language tag, e.g. lang: de' })
    .trim()
    .regex(LANGUAGE_TAG, { error: 'lang: must be a language tag such as en, de, fr, pt-BR' })
    .optional(),
  'profanity-filter': z.boolean({ error: 'profanity-filter: must be true or false' }).optional(),
  'blocked-words': z
    .array(
      z
        .string({ error: 'blocked-words: each entry must be a word or phrase (text)' })
        .trim()
        .min(1, { error: 'blocked-words: an entry is empty — delete it' })
        .max(BLOCKED_WORDS_MAX.length, { error: `blocked-words: an entry is longer than ${BLOCKED_WORDS_MAX.length} characters` }),
      { error: 'blocked-words: must be a list, e.g. blocked-words: [word, "a phrase"]' },
    )
    .max(BLOCKED_WORDS_MAX.count, { error: `blocked-words: at most ${BLOCKED_WORDS_MAX.count} entries` })
    .optional(),
  theme: themeName('theme', REVEAL_THEMES).optional(),
  highlightTheme: themeName('highlightTheme', HIGHLIGHT_THEMES).optional(),
  separator: pattern('separator').optional(),
  verticalSeparator: pattern('verticalSeparator').optional(),
  revealOptions: z.unknown().optional(),
});

export interface FrontMatter {
  title: string | null;
  lang: string | null;
  /** Only when the front matter sets one of its fields; the engine's defaults otherwise. */
  moderation: DeckModeration | null;
  display: DeckDisplay;
  separators: Separators;
  problems: LineProblem[];
  /** Things handsup leaves out but that do not stop the deck (ignored revealOptions). */
  warnings: LineProblem[];
}

const NOTHING: Omit<FrontMatter, 'problems'> = {
  title: null,
  lang: null,
  moderation: null,
  display: DEFAULT_DISPLAY,
  separators: DEFAULT_SEPARATORS,
  warnings: [],
};

export function readFrontMatter(source: FrontMatterSource | null): FrontMatter {
  if (!source) return { ...NOTHING, problems: [] };
  const { block, problems } = parseYamlBlock(source.yaml, source.firstLine, 'front matter');
  if (!block) return { ...NOTHING, problems };
  const record = block.toRecord(new Set(['title', 'lang', 'blocked-words', 'separator', 'verticalSeparator'])) ?? {};
  const fallbackLine = source.firstLine - 1;
  const parsed = FRONT_MATTER.safeParse(record);
  if (parsed.success) {
    const { title, lang, 'profanity-filter': profanityFilter, 'blocked-words': blockedWords, ...display } = parsed.data;
    const moderation =
      profanityFilter === undefined && blockedWords === undefined
        ? null
        : { profanityFilter: profanityFilter ?? true, blockedWords: blockedWords ?? [] };
    const reveal =
      display.revealOptions === undefined
        ? { options: {}, problems: [], warnings: [] }
        : readRevealOptions(display.revealOptions, (key) => block.lineOf(key === null ? ['revealOptions'] : ['revealOptions', key]) ?? fallbackLine);
    return {
      title: title ?? null,
      lang: lang ?? null,
      moderation,
      display: {
        theme: display.theme ?? DEFAULT_DISPLAY.theme,
        highlightTheme: display.highlightTheme ?? DEFAULT_DISPLAY.highlightTheme,
        reveal: reveal.options,
        // Filled in from the deck's code blocks (code-languages.ts).
        codeLanguages: [],
      },
      separators: {
        horizontal: display.separator ?? DEFAULT_SEPARATORS.horizontal,
        vertical: display.verticalSeparator ?? DEFAULT_SEPARATORS.vertical,
      },
      problems: reveal.problems,
      warnings: reveal.warnings,
    };
  }

  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') {
      problems.push({ line: block.lineOf(issue.path) ?? fallbackLine, message: issue.message });
      continue;
    }
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, FRONT_MATTER_FIELDS);
      const hint = suggestion ? `did you mean ${quote(suggestion)}?` : `front matter takes: ${FRONT_MATTER_FIELDS.join(', ')}`;
      problems.push({ line: block.lineOf([key]) ?? fallbackLine, message: `unknown front matter field ${quote(key)} — ${hint}` });
    }
  }
  return { ...NOTHING, problems };
}

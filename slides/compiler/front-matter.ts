/**
 * The optional YAML front matter at the very top of the deck (see split.ts for when a
 * leading `---` counts as front matter). `title:` overrides the title taken from the
 * first slide; `lang:` is the language the phones speak; `profanity-filter:` and
 * `blocked-words:` set how what the audience types is screened (see docs/authoring.md).
 */
import { z } from 'zod';
import { LANGUAGE_TAG, type DeckModeration } from '../../protocol/deck.ts';
import type { LineProblem } from './problems.ts';
import type { FrontMatterSource } from './split.ts';
import { closestMatch } from './suggest.ts';
import { quote } from './text.ts';
import { parseYamlBlock } from './yaml-block.ts';

const FRONT_MATTER_FIELDS = ['title', 'lang', 'profanity-filter', 'blocked-words'];
const BLOCKED_WORDS_MAX = { count: 500, length: 50 } as const;

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
});

export interface FrontMatter {
  title: string | null;
  lang: string | null;
  /** Only when the front matter sets one of its fields; the engine's defaults otherwise. */
  moderation: DeckModeration | null;
  problems: LineProblem[];
}

export function readFrontMatter(source: FrontMatterSource | null): FrontMatter {
  if (!source) return { title: null, lang: null, moderation: null, problems: [] };
  const { block, problems } = parseYamlBlock(source.yaml, source.firstLine, 'front matter');
  if (!block) return { title: null, lang: null, moderation: null, problems };
  const record = block.toRecord(new Set(['title', 'lang', 'blocked-words'])) ?? {};
  const parsed = FRONT_MATTER.safeParse(record);
  if (parsed.success) {
    const { title, lang, 'profanity-filter': profanityFilter, 'blocked-words': blockedWords } = parsed.data;
    const moderation =
      profanityFilter === undefined && blockedWords === undefined
        ? null
        : { profanityFilter: profanityFilter ?? true, blockedWords: blockedWords ?? [] };
    return { title: title ?? null, lang: lang ?? null, moderation, problems: [] };
  }

  const fallbackLine = source.firstLine - 1;
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
  return { title: null, lang: null, moderation: null, problems };
}

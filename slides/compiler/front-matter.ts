/**
 * The optional YAML front matter at the very top of the deck (see split.ts for when a
 * leading `---` counts as front matter). It only takes `title:`, which overrides the
 * title taken from the first slide.
 */
import { z } from 'zod';
import type { LineProblem } from './problems.ts';
import type { FrontMatterSource } from './split.ts';
import { closestMatch } from './suggest.ts';
import { quote } from './text.ts';
import { parseYamlBlock } from './yaml-block.ts';

const FRONT_MATTER_FIELDS = ['title'];

const FRONT_MATTER = z.strictObject({
  title: z
    .string({ error: 'front matter title: must be text' })
    .trim()
    .min(1, { error: 'front matter title: is empty — write the talk title or delete the line' })
    .optional(),
});

export interface FrontMatter {
  title: string | null;
  problems: LineProblem[];
}

export function readFrontMatter(source: FrontMatterSource | null): FrontMatter {
  if (!source) return { title: null, problems: [] };
  const { block, problems } = parseYamlBlock(source.yaml, source.firstLine, 'front matter');
  if (!block) return { title: null, problems };
  const record = block.toRecord(new Set(FRONT_MATTER_FIELDS)) ?? {};
  const parsed = FRONT_MATTER.safeParse(record);
  if (parsed.success) return { title: parsed.data.title ?? null, problems: [] };

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
  return { title: null, problems };
}

/**
 * Which highlight.js languages a deck's code blocks use, by module name, so the projector
 * loads those and no other. A block's language is the first word of its info string, as
 * reveal.js reads it (```` ```rust [1|3] ```` → rust); an alias counts as its language
 * (rs → rust). A block with no language, or one highlight.js does not know, is shown as
 * plain text (the unknown name gets a warning): it is never guessed at.
 */
import { HIGHLIGHT_LANGUAGES } from './highlight-languages.ts';
import { LINE_NUMBERS } from './markdown.ts';
import type { LineProblem } from './problems.ts';

/** Lower-case name or alias → module name. */
const MODULE_BY_NAME = new Map<string, string>();
for (const [module, aliases] of Object.entries(HIGHLIGHT_LANGUAGES)) {
  MODULE_BY_NAME.set(module.toLowerCase(), module);
  for (const alias of aliases) if (!MODULE_BY_NAME.has(alias)) MODULE_BY_NAME.set(alias, module);
}

/** The module a block shows as when it names no language or one highlight.js does not know. */
export const PLAIN_TEXT = 'plaintext';
const NO_HIGHLIGHT = /^no-?highlight$/i;

function languageName(info: string): string {
  const [first = ''] = info.replace(LINE_NUMBERS, '').trim().split(/\s+/);
  return first.replace(/^lang(?:uage)?-/i, '');
}

export function codeLanguagesOf(fences: readonly { line: number; info: string }[]): { languages: string[]; warnings: LineProblem[] } {
  const used = new Set<string>();
  const warnings: LineProblem[] = [];
  for (const { line, info } of fences) {
    const name = languageName(info);
    // reveal.js leaves a `nohighlight` block alone.
    if (NO_HIGHLIGHT.test(name)) continue;
    const module = name === '' ? PLAIN_TEXT : MODULE_BY_NAME.get(name.toLowerCase());
    if (module) {
      used.add(module);
      continue;
    }
    used.add(PLAIN_TEXT);
    warnings.push({
      line,
      message: `code block language "${name.slice(0, 64)}" is not one highlight.js knows — the block is shown as plain text (highlight.js's SUPPORTED_LANGUAGES.md lists the names)`,
    });
  }
  return { languages: [...used].sort(), warnings };
}

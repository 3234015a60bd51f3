import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatWarning } from '../../protocol/deck.ts';
import { compileDeck } from '../../slides/compiler/index.ts';
import { HIGHLIGHT_LANGUAGES } from '../../slides/compiler/highlight-languages.ts';

const require = createRequire(import.meta.url);
const compile = (lines: string[]) => compileDeck(lines.join('\n'), 'talk.md');

describe('the table of highlight.js languages', () => {
  it('is exactly the languages and aliases the installed highlight.js ships', () => {
    const hljs = require('highlight.js/lib/core') as { getLanguage(name: string): unknown };
    const installed: Record<string, string[]> = {};
    for (const file of readdirSync('node_modules/highlight.js/lib/languages').filter((name) => /^[^.]+\.js$/.test(name)).sort()) {
      const name = file.slice(0, -'.js'.length);
      const language = (require(`highlight.js/lib/languages/${name}`) as (api: unknown) => { aliases?: string[] })(hljs);
      installed[name] = (language.aliases ?? []).map((alias) => alias.toLowerCase());
    }
    // When highlight.js changes, print the new table for slides/compiler/highlight-languages.ts.
    const table = Object.entries(installed)
      .map(([name, aliases]) => `  ${/^[a-z_]\w*$/i.test(name) ? name : `'${name}'`}: [${aliases.map((alias) => `'${alias}'`).join(', ')}],`)
      .join('\n');
    expect(HIGHLIGHT_LANGUAGES, `highlight.js changed; the table is now:\n${table}`).toEqual(installed);
  });
});

describe("a deck's code languages", () => {
  it('lists the highlight.js modules its code blocks use, aliases resolved, once each, poll blocks aside', () => {
    const { deck, problems, warnings } = compile([
      '# Code',
      '',
      '```rust [1|2]',
      'fn main() {}',
      '```',
      '',
      '```SQL',
      'SELECT 1;',
      '```',
      '---',
      '```rs',
      'let x = 1;',
      '```',
      '',
      '```language-js',
      'let y;',
      '```',
      '',
      '```poll',
      'question: Which?',
      'options: [A, B]',
      '```',
    ]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(deck.display.codeLanguages).toEqual(['javascript', 'rust', 'sql']);
  });

  it('shows a block with no language or an unknown one as plain text, and warns about the unknown name with its line', () => {
    const { deck, warnings } = compile(['# Code', '', '```', 'plain', '```', '', '```klingon', 'nuqneH', '```', '', '```nohighlight', 'as is', '```']);
    expect(deck.display.codeLanguages).toEqual(['plaintext']);
    expect(warnings.map(formatWarning)).toEqual([
      `talk.md:7: warning: code block language "klingon" is not one highlight.js knows — the block is shown as plain text (highlight.js's SUPPORTED_LANGUAGES.md lists the names)`,
    ]);
  });

  it('is empty for a deck without code', () => {
    expect(compile(['# Hello', '', 'No code here.']).deck.display.codeLanguages).toEqual([]);
  });
});

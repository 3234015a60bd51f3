import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { QUESTION_TYPES } from '../../protocol/question-types.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { compileDeck, compileDeckFile } from '../../slides/compiler/index.ts';
import { slugify } from '../../slides/compiler/slug.ts';
import { closestMatch } from '../../slides/compiler/suggest.ts';
import { escapeHtml } from '../../slides/compiler/text.ts';

describe('slugify', () => {
  it('makes lowercase ASCII words joined by single hyphens', () => {
    expect(slugify('  Do you -- HATE networking?!  ')).toBe('do-you-hate-networking');
    expect(slugify('Ça va, Zoë? Ærø')).toBe('ca-va-zoe-r');
    expect(slugify('2 + 2 = 4')).toBe('2-2-4');
  });

  it('cuts at 48 characters, at a word boundary when there is one', () => {
    expect(slugify('a'.repeat(60))).toBe('a'.repeat(48));
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    expect(slugify(words)).toBe('alpha-beta-gamma-delta-epsilon-zeta-eta-theta');
    expect(slugify(`${'x'.repeat(48)} tail`)).toBe('x'.repeat(48));
  });

  it('hashes text without any ASCII letters or digits, stably', () => {
    expect(slugify('ネットワーキング')).toBe(slugify('ネットワーキング'));
    expect(slugify('ネットワーキング')).not.toBe(slugify('こんにちは'));
    expect(slugify('🙂')).toMatch(/^q-[0-9a-f]{8}$/);
  });
});

describe('closestMatch', () => {
  const fields = ['options', 'correct', 'max-length', 'title'];
  it('finds typos, swapped letters and other spellings of a hyphenated name', () => {
    expect(closestMatch('optins', fields)).toBe('options');
    expect(closestMatch('corect', fields)).toBe('correct');
    expect(closestMatch('titel', fields)).toBe('title');
    expect(closestMatch('maxLength', fields)).toBe('max-length');
    expect(closestMatch('Options', fields)).toBe('options');
  });

  it('gives nothing for names that are not close', () => {
    expect(closestMatch('colour', fields)).toBeNull();
    expect(closestMatch('x', fields)).toBeNull();
  });
});

describe('text helpers', () => {
  it('escape the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });


});

describe('compileDeckFile', () => {
  it('reads the file and reports problems under the path it was given', () => {
    const folder = mkdtempSync(join(tmpdir(), 'handsup-compiler-'));
    try {
      const path = join(folder, 'talk.md');
      writeFileSync(path, '# Hello\n---\n```poll\ntype: nope\n```\n');
      const result = compileDeckFile(path);
      expect(result.deck.title).toBe('Hello');
      expect(result.deck.file).toBe(path);
      expect(result.problems).toEqual([
        {
          file: path,
          line: 4,
          message: `unknown question type "nope" — use one of: ${QUESTION_TYPES.join(', ')}`,
        },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('purity', () => {
  it("does not change the global marked's output", () => {
    const before = marked.parse('a\n\n\nb', { async: false });
    compileDeck('- a <!-- .element: class="fragment" -->\n\n\n# b', 'talk.md');
    expect(marked.parse('a\n\n\nb', { async: false })).toBe(before);
    expect(before).toBe('<p>a</p>\n<p>b</p>\n');
  });

  it('gives the same deck for the same text', () => {
    const source = '# A\n---\n## Q\n```poll\ntype: quiz\noptions: [x, y]\ncorrect: x\n```';
    expect(compileDeck(source, 'talk.md')).toEqual(compileDeck(source, 'talk.md'));
  });
});

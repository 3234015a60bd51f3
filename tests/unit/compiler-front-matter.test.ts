import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../slides/compiler/index.ts';
import { HIGHLIGHT_THEMES, REVEAL_THEMES } from '../../slides/compiler/theme-names.ts';

const compile = (lines: string[]) => compileDeck(lines.join('\n'), 'talk.md');
const messages = (list: { line: number; message: string }[]) => list.map(({ line, message }) => `${line}: ${message}`);

const cssNames = (folder: string, prefix = '') =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.css') && !name.endsWith('.min.css'))
    .map((name) => prefix + name.slice(0, -'.css'.length));

describe('theme names', () => {
  it('are exactly the themes reveal.js and highlight.js ship', () => {
    expect([...REVEAL_THEMES].sort()).toEqual(cssNames('node_modules/reveal.js/dist/theme').sort());
    const highlight = [...cssNames('node_modules/highlight.js/styles'), ...cssNames('node_modules/highlight.js/styles/base16', 'base16/')];
    expect([...HIGHLIGHT_THEMES].sort()).toEqual(highlight.sort());
  });
});

describe("reveal-md's front matter", () => {
  it('chooses the theme and the highlight style, and passes the reveal.js options that fit', () => {
    const { deck, problems, warnings } = compile([
      '---',
      'theme: moon',
      'highlightTheme: base16/dracula',
      'revealOptions:',
      '  transition: fade',
      '  controls: false',
      '  slideNumber: c/t',
      '  width: 1024',
      '  height: "100%"',
      '  hash: true',
      '  autoSlide: 5000',
      '  frobnicate: 1',
      '---',
      '# A',
    ]);
    expect(problems).toEqual([]);
    expect(deck.display).toEqual({
      theme: 'moon',
      highlightTheme: 'base16/dracula',
      reveal: { transition: 'fade', controls: false, slideNumber: 'c/t', width: 1024, height: '100%' },
      codeLanguages: [],
    });
    expect(messages(warnings)).toEqual([
      '10: revealOptions.hash is ignored — the projector page sets it',
      '11: revealOptions.autoSlide is ignored — the presenter console drives the talk',
      "12: revealOptions.frobnicate is ignored — not a reveal.js option handsup knows",
    ]);
  });

  it('defaults to white and monokai with no options', () => {
    expect(compile(['# A']).deck.display).toEqual({ theme: 'white', highlightTheme: 'monokai', reveal: {}, codeLanguages: [] });
  });

  it('reports an unknown theme or style at its line, with a suggestion and every valid name', () => {
    const { problems } = compile(['---', 'theme: blak', 'highlightTheme: monokay', '---', '# A']);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(problems[0]?.message).toBe(`theme: no theme "blak" — did you mean "black"? valid: ${REVEAL_THEMES.join(', ')}`);
    expect(problems[1]?.message).toMatch(/^highlightTheme: no theme "monokay" — did you mean "monokai"\? valid: 1c-light, a11y-dark, .*base16\/zenburn$/);
  });

  it('reports a revealOptions value reveal.js does not take, and a revealOptions that is not a block', () => {
    expect(messages(compile(['---', 'revealOptions:', '  transition: spin', '  controls: maybe', '---', '# A']).problems)).toEqual([
      '3: revealOptions.transition: "spin" is not a value reveal.js takes here — one of none, fade, slide, convex, concave, zoom',
      '4: revealOptions.controls: "maybe" is not a value reveal.js takes here — true or false',
    ]);
    expect(messages(compile(['---', 'revealOptions: fast', '---', '# A']).problems)).toEqual([
      '2: revealOptions: must be a block of reveal.js options, e.g. revealOptions: { transition: fade }',
    ]);
  });

  it('honours separator and verticalSeparator as reveal.js patterns, and leaves --- to Markdown then', () => {
    const { deck, problems } = compile([
      '---',
      'separator: <!--s-->',
      'verticalSeparator: ^\\+\\+\\+$',
      '---',
      '# One',
      '',
      '---',
      '',
      '<!--s-->',
      '# Two',
      '+++',
      '# Two below',
    ]);
    expect(problems).toEqual([]);
    expect(deck.slides.map((slide) => [slide.position, slide.line, slide.html])).toEqual([
      [{ h: 0, v: 0 }, 5, '<h1>One</h1>\n\n\n<hr>'],
      [{ h: 1, v: 0 }, 10, '<h1>Two</h1>'],
      [{ h: 1, v: 1 }, 12, '<h1>Two below</h1>'],
    ]);
  });

  it('reports a separator that is not a regular expression', () => {
    expect(messages(compile(['---', 'separator: "(unclosed"', '---', '# A']).problems)).toEqual([
      '2: separator: not a valid regular expression (Invalid regular expression: /(unclosed/gm: Unterminated group)',
    ]);
  });
});

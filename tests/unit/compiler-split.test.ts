import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../slides/compiler/index.ts';

function compile(markdown: string) {
  return compileDeck(markdown, 'talks/talk.md');
}

function layout(markdown: string) {
  return compile(markdown).deck.slides.map(({ index, position, line, html }) => ({ index, position, line, html }));
}

describe('splitting slides', () => {
  it('splits on --- lines into columns and -- lines into rows', () => {
    const markdown = ['# One', '---', '# Two', '--', '# Two down', '--', '# Two further', '---', '# Three'].join('\n');
    expect(layout(markdown)).toEqual([
      { index: 0, position: { h: 0, v: 0 }, line: 1, html: '<h1>One</h1>' },
      { index: 1, position: { h: 1, v: 0 }, line: 3, html: '<h1>Two</h1>' },
      { index: 2, position: { h: 1, v: 1 }, line: 5, html: '<h1>Two down</h1>' },
      { index: 3, position: { h: 1, v: 2 }, line: 7, html: '<h1>Two further</h1>' },
      { index: 4, position: { h: 2, v: 0 }, line: 9, html: '<h1>Three</h1>' },
    ]);
  });

  it('accepts whitespace around separators but not other text on the line', () => {
    const markdown = ['# One', '  ---  ', '# Two', '\t--', '# Three', '--- not a separator', '', '----'].join('\n');
    const slides = compile(markdown).deck.slides;
    expect(slides.map((slide) => slide.position)).toEqual([
      { h: 0, v: 0 },
      { h: 1, v: 0 },
      { h: 1, v: 1 },
    ]);
    // `--- not a separator` is a paragraph and `----` a horizontal rule.
    expect(slides[2]?.html).toBe('<h1>Three</h1>\n<p>--- not a separator</p>\n\n\n<hr>');
  });

  it('never splits inside ``` or ~~~ fenced code, and keeps the code escaped', () => {
    const markdown = [
      '# Config',
      '```yaml',
      '---',
      'title: <x>',
      '--',
      '```',
      '~~~',
      '---',
      '~~~',
      '---',
      '# After',
    ].join('\n');
    const slides = compile(markdown).deck.slides;
    expect(slides).toHaveLength(2);
    expect(slides[0]?.html).toBe(
      '<h1>Config</h1>\n<pre><code class="yaml">---\ntitle: &lt;x&gt;\n--</code></pre><pre><code class="">---</code></pre>',
    );
    expect(slides[1]?.line).toBe(11);
  });

  it('only closes a fence with the same character and at least the same length', () => {
    const markdown = ['````md', '```', '---', '~~~~', '````', '---', 'after'].join('\n');
    const slides = compile(markdown).deck.slides;
    expect(slides).toHaveLength(2);
    expect(slides[0]?.html).toBe('<pre><code class="md">```\n---\n~~~~</code></pre>');
  });

  it('keeps empty slides (leading, double or trailing separators) where reveal.js has them', () => {
    const markdown = ['---', '# A', '---', '', '---', '# B', '--', '   ', '--', '# B2', '---', ''].join('\n');
    expect(layout(markdown).map(({ position, line, html }) => ({ position, line, html }))).toEqual([
      { position: { h: 0, v: 0 }, line: 1, html: '' },
      { position: { h: 1, v: 0 }, line: 2, html: '<h1>A</h1>' },
      { position: { h: 2, v: 0 }, line: 4, html: '' },
      { position: { h: 3, v: 0 }, line: 6, html: '<h1>B</h1>' },
      { position: { h: 3, v: 1 }, line: 8, html: '' },
      { position: { h: 3, v: 2 }, line: 10, html: '<h1>B2</h1>' },
      { position: { h: 4, v: 0 }, line: 12, html: '' },
    ]);
  });

  it('gives each slide the line of its first non-blank line', () => {
    const markdown = ['', '', '# A', '---', '', '', '## B'].join('\n');
    expect(layout(markdown).map((slide) => slide.line)).toEqual([3, 7]);
  });

  it('counts lines the same with CRLF endings and a byte order mark', () => {
    const markdown = '\uFEFF# A\r\n\r\n---\r\n\r\n# B\r\nNote: hi\r\n';
    const { deck, problems } = compile(markdown);
    expect(problems).toEqual([]);
    expect(deck.slides.map((slide) => [slide.line, slide.html, slide.notes])).toEqual([
      [1, '<h1>A</h1>', ''],
      [5, '<h1>B</h1>', '<p>hi</p>'],
    ]);
  });
});

describe('speaker notes', () => {
  it('turns everything from a Note: line to the end of the slide into notes HTML', () => {
    const markdown = ['# Title', 'Shown', 'Note: first *line*', '', '- point', '---', '# Next'].join('\n');
    const [first, second] = compile(markdown).deck.slides;
    expect(first?.html).toBe('<h1>Title</h1>\n<p>Shown</p>');
    // Blank lines stay in the HTML, as reveal.js's marked setup keeps them.
    expect(first?.notes).toBe('<p>first <em>line</em></p>\n\n\n<ul>\n<li>point</li>\n</ul>');
    expect(second?.notes).toBe('');
  });

  it('accepts notes: and NOTES: at the start of a line only, like reveal.js 6', () => {
    const slides = compile(['a', 'notes: one', '---', 'b', 'NOTES:two', '---', 'c', '   Note: not notes', '- item', '  Notes: nor these'].join('\n'))
      .deck.slides;
    expect(slides.map((slide) => [slide.html, slide.notes])).toEqual([
      ['<p>a</p>', '<p>one</p>'],
      ['<p>b</p>', '<p>two</p>'],
      ['<p>c\n   Note: not notes</p>\n<ul>\n<li>item\nNotes: nor these</li>\n</ul>', ''],
    ]);
  });

  it('does not start notes on a Note: line inside a code block, nor on "Notebook:"', () => {
    const markdown = ['```', 'Note: in code', '```', 'Notebook: text', 'Note: real'].join('\n');
    const [slide] = compile(markdown).deck.slides;
    expect(slide?.html).toBe('<pre><code class="">Note: in code</code></pre><p>Notebook: text</p>');
    expect(slide?.notes).toBe('<p>real</p>');
  });

  it('keeps a second Note: line as part of the notes', () => {
    const [slide] = compile(['x', 'Note: a', 'Note: b'].join('\n')).deck.slides;
    expect(slide?.notes).toBe('<p>a\nNote: b</p>');
  });

  it('keeps a slide that has only notes', () => {
    const { deck } = compile(['# A', '---', 'Note: just talk here'].join('\n'));
    expect(deck.slides.map((slide) => [slide.html, slide.notes])).toEqual([
      ['<h1>A</h1>', ''],
      ['', '<p>just talk here</p>'],
    ]);
  });
});

describe('front matter', () => {
  it('reads title: from a leading YAML block and starts the slides after it', () => {
    const markdown = ['---', 'title: Three Networking Disconnects', '---', '# Welcome', '---', '# Two'].join('\n');
    const { deck, problems } = compile(markdown);
    expect(problems).toEqual([]);
    expect(deck.title).toBe('Three Networking Disconnects');
    expect(deck.slides.map((slide) => [slide.title, slide.line, slide.position.h])).toEqual([
      ['Welcome', 4, 0],
      ['Two', 6, 1],
    ]);
  });

  it('treats a leading --- before a slide that is not key: value as a separator (an empty first slide)', () => {
    const markdown = ['---', '# Heading', 'text', '---', '# Two'].join('\n');
    const { deck, problems } = compile(markdown);
    expect(problems).toEqual([]);
    expect(deck.title).toBe('Heading');
    expect(deck.slides.map((slide) => slide.title)).toEqual(['', 'Heading', 'Two']);
  });

  it('treats a leading Note: block as a slide with notes, not as front matter', () => {
    const { deck, problems } = compile(['---', 'Note: hello', '---', '# Two'].join('\n'));
    expect(problems).toEqual([]);
    expect(deck.slides.map((slide) => slide.notes)).toEqual(['', '<p>hello</p>', '']);
  });

  it('only looks for front matter on line 1', () => {
    const { deck } = compile(['# One', '---', 'title: not front matter', '---', '# Three'].join('\n'));
    expect(deck.title).toBe('One');
    expect(deck.slides.map((slide) => slide.html)).toEqual([
      '<h1>One</h1>',
      '<p>title: not front matter</p>',
      '<h1>Three</h1>',
    ]);
  });
});

describe('deck title', () => {
  it("is the first slide's title", () => {
    expect(compile('## Hello &amp; welcome\n---\n# Later').deck.title).toBe('Hello & welcome');
  });

  it("falls back to the file's base name without extension when the first slide has no heading", () => {
    expect(compileDeck('just text\n---\n# Later', 'talks/networking-101.md').deck.title).toBe('networking-101');
    expect(compileDeck('just text', 'C:\\decks\\intro.markdown').deck.title).toBe('intro');
  });

  it('keeps the file path as given', () => {
    expect(compileDeck('# A', './x/y.md').deck.file).toBe('./x/y.md');
  });
});

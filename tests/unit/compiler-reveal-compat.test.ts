/** The reveal.js 6 Markdown conventions the compiler follows (issue: a reveal.js deck works unchanged). */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../slides/compiler/index.ts';

function slides(markdown: string) {
  const { deck, problems } = compileDeck(markdown, 'talk.md');
  expect(problems).toEqual([]);
  return deck.slides;
}
const only = (markdown: string) => slides(markdown)[0]!;

describe('code blocks, as reveal.js renders them', () => {
  it('carry highlight steps, and one fragment step per highlight step after the first', () => {
    const slide = only('```js [1|3-5]\na\nb\nc\nd\ne\n```');
    expect(slide.html).toBe('<pre><code data-line-numbers="1|3-5" class="js">a\nb\nc\nd\ne</code></pre>');
    expect(slide.fragments).toBe(1);
  });

  it('carry a line offset', () => {
    const slide = only('```c [287: 2|4,6]\nx\n```');
    expect(slide.html).toBe('<pre><code data-line-numbers="2|4,6" data-ln-start-from="287" class="c">x</code></pre>');
    expect(slide.fragments).toBe(1);
  });

  it('take line numbers with no language, and no steps from a single step', () => {
    const slide = only('```[1,2,3]\ny\n```');
    expect(slide.html).toBe('<pre><code data-line-numbers="1,2,3" class="">y</code></pre>');
    expect(slide.fragments).toBe(0);
  });

  it('escape the code and keep the whole info string as the class, as reveal.js does', () => {
    expect(only('```html title\n<b>&</b>\n```').html).toBe('<pre><code class="html title">&lt;b&gt;&amp;&lt;/b&gt;</code></pre>');
  });

  it('count highlight steps beside other fragments, numbered on from the block\'s own index', () => {
    expect(only('```js [1|2|3]\na\nb\nc\n```\n\nText <!-- .element: class="fragment" -->').fragments).toBe(3);
    const indexed = '<pre><code data-line-numbers="1|2|3" data-fragment-index="1">a\nb\nc</code></pre>\n\n<p class="fragment" data-fragment-index="2">x</p>';
    expect(only(indexed).fragments).toBe(2);
    expect(only('```js [1|2]\n```').fragments).toBe(0);
  });
});

describe('notes, as reveal.js takes them', () => {
  it('take <aside class="notes"> out of the slide, at any depth, into the notes', () => {
    const slide = only('# A\n\n<div>\n<aside class="notes">deep</aside>\n</div>\n\n<aside class="notes">\ntop\n</aside>\n\nNote: spoken');
    expect(slide.html).toBe('<h1>A</h1>\n\n\n<div>\n\n</div>');
    expect(slide.notes).toBe('deep\ntop\n<p>spoken</p>');
  });

  it('prefer a data-notes slide attribute, which leaves the public attributes', () => {
    const slide = only('<!-- .slide: data-notes="said aloud" class="x" -->\n# A\n\n<aside class="notes">aside</aside>');
    expect(slide.notes).toBe('said aloud');
    expect(slide.attributes).toEqual({ class: 'x' });
  });

  it('start only at a Note: at the start of a line', () => {
    const slide = only('- item\n  Notes: still the item\n\n    Note: indented code\n\nNote: real');
    expect(slide.html).toContain('Notes: still the item');
    expect(slide.html).toContain('Note: indented code');
    expect(slide.notes).toBe('<p>real</p>');
  });
});

describe('empty slides', () => {
  it('are kept, so indices and #/h/v links match reveal.js', () => {
    expect(slides('# A\n---\n---\n# C\n---').map((slide) => [slide.index, slide.position.h, slide.html])).toEqual([
      [0, 0, '<h1>A</h1>'],
      [1, 1, ''],
      [2, 2, '<h1>C</h1>'],
      [3, 3, ''],
    ]);
  });

  it('alone are still a mistake', () => {
    expect(compileDeck('---\n\n---\n', 'talk.md').problems.map((problem) => problem.message)).toEqual([
      'the deck has no slides — write some Markdown, with a --- line between slides',
    ]);
  });
});

describe('the browser\'s parse', () => {
  it('decides where an .element comment lands (a self-closing <i/> is an open tag)', () => {
    const slide = only('<i class="icon"/> Next <!-- .element: class="fragment" -->\n\nPara two\n\nPara three');
    expect(slide.fragments).toBe(1);
    expect(slide.html).toContain('<i class="icon">');
  });
});

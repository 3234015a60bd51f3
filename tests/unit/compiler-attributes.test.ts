import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../slides/compiler/index.ts';

function slideOf(markdown: string) {
  const { deck, problems } = compileDeck(markdown, 'talk.md');
  expect(problems).toEqual([]);
  const [slide] = deck.slides;
  if (!slide) throw new Error('no slide');
  return slide;
}

describe('<!-- .element: … --> comments', () => {
  it('puts attributes on the list item they follow', () => {
    const slide = slideOf(
      [
        '- one <!-- .element: class="fragment" -->',
        '- two <!-- .element: class="fragment" data-fragment-index="1" -->',
        '- three',
      ].join('\n'),
    );
    expect(slide.html).toBe(
      '<ul>\n<li class="fragment">one </li>\n<li class="fragment" data-fragment-index="1">two </li>\n<li>three</li>\n</ul>',
    );
  });

  it('puts attributes on an ordered list item, including a nested one', () => {
    const slide = slideOf(['1. first <!-- .element: class="fragment" -->', '   - inner <!-- .element: class="fragment" -->'].join('\n'));
    expect(slide.html).toBe(
      '<ol>\n<li class="fragment">first <ul>\n<li class="fragment">inner </li>\n</ul>\n</li>\n</ol>',
    );
  });

  it('puts attributes on the paragraph they end', () => {
    expect(slideOf('Some text <!-- .element: class="fragment" -->').html).toBe('<p class="fragment">Some text </p>');
  });

  it('puts attributes on a paragraph from a comment on the next line', () => {
    expect(slideOf('Some text\n<!-- .element: class="fragment" -->').html).toBe('<p class="fragment">Some text</p>');
  });

  it('puts attributes on a heading', () => {
    const slide = slideOf('## Title <!-- .element: class="r-fit-text" style="color: red" -->');
    expect(slide.html).toBe('<h2 class="r-fit-text" style="color: red">Title </h2>');
    expect(slide.title).toBe('Title');
  });

  it('puts attributes on an image, the element just before the comment', () => {
    expect(slideOf('![A diagram](img/d.png) <!-- .element: class="fragment" width="50%" -->').html).toBe(
      '<p><img src="img/d.png" alt="A diagram" class="fragment" width="50%"> </p>',
    );
  });

  it('puts attributes on an inline element before the comment, as reveal.js does', () => {
    expect(slideOf('Plain **bold** <!-- .element: class="fragment" -->').html).toBe(
      '<p>Plain <strong class="fragment">bold</strong> </p>',
    );
  });

  it('skips a <br> when looking for the element before the comment', () => {
    expect(slideOf('line one  \nline two <!-- .element: class="fragment" -->').html).toBe(
      '<p class="fragment">line one<br>line two </p>',
    );
  });

  it('targets the last list item when the comment follows the list directly', () => {
    expect(slideOf('- a\n- b\n<!-- .element: class="fragment" -->').html).toBe(
      '<ul>\n<li>a</li>\n<li class="fragment">b</li>\n</ul>',
    );
  });

  it('targets the whole list when a blank line separates it from the comment', () => {
    expect(slideOf('- a\n- b\n\n<!-- .element: class="fragment" -->').html).toBe(
      '<ul class="fragment">\n<li>a</li>\n<li>b</li>\n</ul>',
    );
  });

  it('sets attributes as setAttribute does: a new class replaces the old one, as in reveal.js', () => {
    const slide = slideOf('<p class="lead" title="old">Hi <!-- .element: class="fragment" title="new" --></p>');
    expect(slide.html).toBe('<p class="fragment" title="new">Hi </p>');
  });

  it("reads attributes with reveal.js's own pattern: double quotes, bare data-…, the form without a colon", () => {
    expect(slideOf('Text <!-- .element class="fragment" data-autoslide="2000" data-keep title=\'x\' -->').html).toBe(
      '<p class="fragment" data-autoslide="2000" data-keep="">Text </p>',
    );
  });

  it('puts the class on the element the browser made, not on its copies (a self-closing <i/>)', () => {
    const slide = slideOf('<i class="icon"/> Next <!-- .element: class="fragment" -->\n\nPara two\n\nPara three');
    expect(slide.html).toBe('<p><i class="fragment"> Next </i></p><i class="icon">\n\n\n<p>Para two</p>\n\n\n<p>Para three</p>\n</i>');
    expect(slide.fragments).toBe(1);
  });

  it('gives the slide the attributes of a comment with no element before it', () => {
    const slide = slideOf('<!-- .element: data-state="intro" -->\n\n# Hi');
    expect(slide.attributes).toEqual({ 'data-state': 'intro' });
    expect(slide.html).toBe('<h1>Hi</h1>');
  });

  it('leaves other comments and comments inside code alone', () => {
    const slide = slideOf('<!-- a plain comment -->\n\n`<!-- .element: class="fragment" -->`');
    expect(slide.html).toBe(
      '<!-- a plain comment -->\n\n<p><code>&lt;!-- .element: class="fragment" --&gt;</code></p>',
    );
    expect(slide.fragments).toBe(0);
  });
});

describe('<!-- .slide: … --> comments', () => {
  it('become slide.attributes and leave the HTML', () => {
    const slide = slideOf(
      '<!-- .slide: data-background="#fff" class="x" data-auto-animate data-note="a b" -->\n# Title',
    );
    expect(slide.attributes).toEqual({
      'data-background': '#fff',
      class: 'x',
      'data-auto-animate': '',
      'data-note': 'a b',
    });
    expect(slide.html).toBe('<h1>Title</h1>');
  });

  it('count from anywhere on the slide, a later class replacing an earlier one', () => {
    const slide = slideOf(
      '<!-- .slide: class="dark" -->\n# T\n\n- item <!-- .slide: class="wide" data-background="red" -->',
    );
    expect(slide.attributes).toEqual({ class: 'wide', 'data-background': 'red' });
    expect(slide.html).toBe('<h1>T</h1>\n\n\n<ul>\n<li>item </li>\n</ul>');
  });

  it('keep values as written, as setAttribute does', () => {
    expect(slideOf('<!-- .slide: data-title="Q&amp;A" -->\nx').attributes).toEqual({ 'data-title': 'Q&amp;A' });
  });

  it('are {} when there are none', () => {
    expect(slideOf('# Plain').attributes).toEqual({});
  });
});

describe('fragment steps', () => {
  it('counts each fragment without an index as one step', () => {
    const slide = slideOf(
      ['- a <!-- .element: class="fragment" -->', '- b <!-- .element: class="fragment fade-up" -->', '- c'].join('\n'),
    );
    expect(slide.fragments).toBe(2);
  });

  it('counts fragments that share a data-fragment-index as one step', () => {
    const slide = slideOf(
      [
        '- a <!-- .element: class="fragment" data-fragment-index="1" -->',
        '- b <!-- .element: class="fragment" data-fragment-index="1" -->',
        '- c <!-- .element: class="fragment" data-fragment-index="2" -->',
        '- d <!-- .element: class="fragment" -->',
      ].join('\n'),
    );
    expect(slide.fragments).toBe(3);
  });

  it("counts fragments in the presenter's raw HTML, and not classes that merely contain the word", () => {
    const slide = slideOf('<p class="fragment">x</p>\n\n<p class="fragmented">y</p>\n\n<span class="a fragment">z</span>');
    expect(slide.fragments).toBe(2);
  });

  it('is 0 on a slide without fragments', () => {
    expect(slideOf('# Nothing').fragments).toBe(0);
  });
});

describe('slide titles', () => {
  it('are the text of the first h1, h2 or h3, tags stripped and entities decoded', () => {
    expect(slideOf('Intro text\n\n## The *big* `idea` &mdash; R&amp;D &#8217;26').title).toBe('The big idea — R&D ’26');
  });

  it('skip h4 and deeper headings', () => {
    expect(slideOf('#### Small\n\n### Real').title).toBe('Real');
  });

  it("count the presenter's raw HTML headings", () => {
    expect(slideOf('<h2 class="x">Raw <em>one</em></h2>').title).toBe('Raw one');
  });

  it("are '' when the slide has no heading", () => {
    expect(slideOf('just text').title).toBe('');
  });
});

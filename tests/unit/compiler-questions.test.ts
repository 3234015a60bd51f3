import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../protocol/deck.ts';
import { compileDeck } from '../../slides/compiler/index.ts';

function poll(yaml: string, heading = '## Do you hate networking?'): string {
  return `${heading}\n\n\`\`\`poll\n${yaml}\n\`\`\`\n`;
}

function compileClean(markdown: string) {
  const result = compileDeck(markdown, 'talk.md');
  expect(result.problems.map(formatProblem)).toEqual([]);
  return result.deck;
}

function onlyQuestion(markdown: string) {
  const deck = compileClean(markdown);
  expect(deck.questions).toHaveLength(1);
  return deck.questions[0];
}

describe('choice questions', () => {
  it('take the defaults: type choice, question from the heading, id from its slug, single answer, live results', () => {
    const markdown = poll('options:\n  - Yes, I hate it\n  - No, I enjoy it');
    expect(onlyQuestion(markdown)).toEqual({
      id: 'do-you-hate-networking',
      type: 'choice',
      question: 'Do you hate networking?',
      options: ['Yes, I hate it', 'No, I enjoy it'],
      multiple: false,
      results: 'live',
      slideIndex: 0,
      line: 3,
    });
  });

  it('take every field as written', () => {
    const markdown = poll(
      [
        'id: hate-networking',
        'type: choice',
        'question: "Honestly: do you?"',
        'options: [Yes, No, 42, 1.0, true]',
        'multiple: true',
        'results: after-vote',
      ].join('\n'),
    );
    expect(onlyQuestion(markdown)).toEqual({
      id: 'hate-networking',
      type: 'choice',
      question: 'Honestly: do you?',
      options: ['Yes', 'No', '42', '1.0', 'true'],
      multiple: true,
      results: 'after-vote',
      slideIndex: 0,
      line: 3,
    });
  });

  it('replace the block with a placeholder holding the escaped question and options', () => {
    const deck = compileClean(poll('question: Is <b> bold?\noptions: ["A & B", "<script>"]', '## Pick'));
    expect(deck.slides[0]?.html).toBe(
      '<h2>Pick</h2>\n\n\n\n' +
        '<div class="handsup-question" data-question-id="is-b-bold" data-question-type="choice">' +
        '<h3 class="handsup-question-text">Is &lt;b&gt; bold?</h3>' +
        '<ol class="handsup-options"><li>A &amp; B</li><li>&lt;script&gt;</li></ol></div>',
    );
    expect(deck.slides[0]?.questionIds).toEqual(['is-b-bold']);
    // The slide title stays the slide's own heading, not the placeholder's.
    expect(deck.slides[0]?.title).toBe('Pick');
  });

  it('keep the Markdown after the block', () => {
    const markdown = '## Q\n```poll\noptions: [a, b]\n```\nAfter *text*\n\nNote: notes';
    const slide = compileClean(markdown).slides[0];
    expect(slide?.html.endsWith('</ol></div>\n\n<p>After <em>text</em></p>')).toBe(true);
    expect(slide?.notes).toBe('<p>notes</p>');
  });

  it('accept a ~~~poll fence and a question on a slide without heading', () => {
    const deck = compileClean('~~~poll\nquestion: Tea or coffee?\noptions: [Tea, Coffee]\n~~~');
    expect(deck.questions.map((question) => [question.id, question.question])).toEqual([
      ['tea-or-coffee', 'Tea or coffee?'],
    ]);
    expect(deck.slides[0]?.title).toBe('');
  });
});

describe('quiz questions', () => {
  it('take the defaults: 20 seconds after a 3-second read, results after close, correct as option indices', () => {
    const markdown = poll('type: quiz\noptions: [Lyon, Paris, Nice]\ncorrect: Paris', '## Capital of France?');
    expect(onlyQuestion(markdown)).toEqual({
      id: 'capital-of-france',
      type: 'quiz',
      question: 'Capital of France?',
      options: ['Lyon', 'Paris', 'Nice'],
      correct: [1],
      time: 20,
      read: 3,
      results: 'after-close',
      slideIndex: 0,
      line: 3,
    });
  });

  it('take a read phase in seconds (0: answers open at once); a bad one says what to write', () => {
    const fast = poll('type: quiz\noptions: [Lyon, Paris]\ncorrect: Paris\nread: 0', '## Capital?');
    expect(onlyQuestion(fast)).toMatchObject({ read: 0, time: 20 });
    const slow = poll('type: quiz\noptions: [Lyon, Paris]\ncorrect: Paris\nread: 8', '## Capital?');
    expect(onlyQuestion(slow)).toMatchObject({ read: 8 });
    const { problems } = compileDeck(poll('type: quiz\noptions: [Lyon, Paris]\ncorrect: Paris\nread: 3s', '## Capital?'), 'talk.md');
    expect(problems.map((problem) => problem.message)).toEqual(['quiz read must be a whole number of seconds from 0 to 60 (it is "3s")']);
  });

  it('take a list of correct answers, matched ignoring case, and a time', () => {
    const markdown = poll(
      'type: quiz\nid: primes\noptions: ["2", "3", "4", "5"]\ncorrect: [5, "2", 3, 5]\ntime: 45\nresults: live',
      '## Which are prime?',
    );
    const question = onlyQuestion(markdown);
    expect(question).toMatchObject({ id: 'primes', correct: [0, 1, 3], time: 45, results: 'live' });
    const lower = onlyQuestion(poll('type: quiz\noptions: [Lyon, Paris]\ncorrect: PARIS', '## Q'));
    expect(lower).toMatchObject({ correct: [1] });
  });

  it('never put the correct answer in the slide HTML', () => {
    const deck = compileClean(poll('type: quiz\noptions: [Lyon, Paris, Nice]\ncorrect: Paris', '## Capital?'));
    expect(deck.slides[0]?.html).toBe(
      '<h2>Capital?</h2>\n\n\n\n' +
        '<div class="handsup-question" data-question-id="capital" data-question-type="quiz">' +
        '<h3 class="handsup-question-text">Capital?</h3>' +
        '<ol class="handsup-options"><li>Lyon</li><li>Paris</li><li>Nice</li></ol></div>',
    );
    expect(deck.slides[0]?.html).not.toMatch(/correct/i);
  });
});

describe('scale questions', () => {
  it('take the defaults: 1 to 5, no labels, live', () => {
    expect(onlyQuestion(poll('type: scale', '## How tired are you?'))).toEqual({
      id: 'how-tired-are-you',
      type: 'scale',
      question: 'How tired are you?',
      min: 1,
      max: 5,
      results: 'live',
      slideIndex: 0,
      line: 3,
    });
  });

  it('take min, max and labels, and render "min … max" with the labels', () => {
    const deck = compileClean(poll('type: scale\nmin: 0\nmax: 10\nlabels: [Not at all, "Very <much>"]', '## Sure?'));
    expect(deck.questions[0]).toMatchObject({ min: 0, max: 10, labels: ['Not at all', 'Very <much>'] });
    expect(deck.slides[0]?.html).toContain(
      '<h3 class="handsup-question-text">Sure?</h3><p class="handsup-scale">' +
        '<span class="handsup-scale-min">0 — Not at all</span> … ' +
        '<span class="handsup-scale-max">10 — Very &lt;much&gt;</span></p></div>',
    );
  });

  it('render plain numbers without labels and allow negative ends and a span of 20', () => {
    const deck = compileClean(poll('type: scale\nmin: -10\nmax: 10', '## Mood'));
    expect(deck.slides[0]?.html).toContain(
      '<p class="handsup-scale"><span class="handsup-scale-min">-10</span> … <span class="handsup-scale-max">10</span></p>',
    );
  });
});

describe('wordcloud, text and qa questions', () => {
  it('wordcloud: max-length 25 and max-answers 3 by default, live', () => {
    expect(onlyQuestion(poll('type: wordcloud', '## One word for networking'))).toEqual({
      id: 'one-word-for-networking',
      type: 'wordcloud',
      question: 'One word for networking',
      maxLength: 25,
      maxAnswers: 3,
      results: 'live',
      slideIndex: 0,
      line: 3,
    });
    expect(onlyQuestion(poll('type: wordcloud\nmax-length: 50\nmax-answers: 10', '## W'))).toMatchObject({
      maxLength: 50,
      maxAnswers: 10,
    });
  });

  it('text: max-length 280 by default, up to 1000, live', () => {
    expect(onlyQuestion(poll('type: text\nquestion: What should change?'))).toEqual({
      id: 'what-should-change',
      type: 'text',
      question: 'What should change?',
      maxLength: 280,
      results: 'live',
      slideIndex: 0,
      line: 3,
    });
    expect(onlyQuestion(poll('type: text\nmax-length: 1000\nresults: presenter-only'))).toMatchObject({
      maxLength: 1000,
      results: 'presenter-only',
    });
  });

  it('qa: max-length 280 by default, live', () => {
    expect(onlyQuestion(poll('type: qa', '## Ask me anything'))).toEqual({
      id: 'ask-me-anything',
      type: 'qa',
      question: 'Ask me anything',
      maxLength: 280,
      results: 'live',
      slideIndex: 0,
      line: 3,
    });
  });

  it('render only the question text', () => {
    const deck = compileClean(poll('type: qa', '## Ask'));
    expect(deck.slides[0]?.html).toBe(
      '<h2>Ask</h2>\n\n\n\n<div class="handsup-question" data-question-id="ask" data-question-type="qa">' +
        '<h3 class="handsup-question-text">Ask</h3></div>',
    );
  });
});

describe('default ids', () => {
  it('are lowercase ASCII slugs, accents removed, at most 48 characters cut at a word', () => {
    const deck = compileClean(
      [
        poll('type: qa', '## Café & Crème: ¿qué tal?'),
        '---',
        poll('type: qa', '## What is the single most important thing you learned about networking today'),
        '---',
        poll('type: qa', '## ネットワーキング'),
      ].join('\n'),
    );
    expect(deck.questions.map((question) => question.id)).toEqual([
      'cafe-creme-que-tal',
      'what-is-the-single-most-important-thing-you',
      expect.stringMatching(/^q-[0-9a-f]{8}$/),
    ]);
  });

  it('stay the same when other slides change', () => {
    const first = compileClean(poll('type: qa', '## Same text')).questions[0]?.id;
    const moved = compileClean(`# Intro\n---\n# More\n---\n${poll('type: qa', '## Same text')}`).questions[0]?.id;
    expect(moved).toBe(first);
  });
});

describe('compare', () => {
  it('links a question to an earlier one of the same type and options', () => {
    const before = poll('id: before\noptions: [Yes, No]', '## Do you hate networking?');
    const after = poll('id: after\noptions: [Yes, No]\ncompare: before', '## And now?');
    const deck = compileClean(`${before}\n---\n${after}`);
    expect(deck.questions.map((question) => [question.id, question.compare, question.slideIndex])).toEqual([
      ['before', undefined, 0],
      ['after', 'before', 1],
    ]);
    expect('compare' in (deck.questions[0] ?? {})).toBe(false);
  });

  it('accepts scales with the same range', () => {
    const deck = compileClean(
      `${poll('type: scale\nid: s1\nmax: 7', '## A')}\n---\n${poll('type: scale\nmax: 7\ncompare: s1', '## B')}`,
    );
    expect(deck.questions[1]).toMatchObject({ compare: 's1' });
  });
});

describe('the deck', () => {
  it('lists questions in reading order with their slide index, across vertical slides', () => {
    const markdown = [
      '# Title',
      '---',
      poll('type: qa', '## First'),
      '--',
      poll('type: text', '## Second'),
      '---',
      poll('type: wordcloud', '## Third'),
    ].join('\n');
    const deck = compileClean(markdown);
    expect(deck.questions.map((question) => [question.id, question.slideIndex, question.line])).toEqual([
      ['first', 1, 5],
      ['second', 2, 12],
      ['third', 3, 19],
    ]);
    expect(deck.slides.map((slide) => slide.questionIds)).toEqual([[], ['first'], ['second'], ['third']]);
  });
});

describe('attributes on a question', () => {
  it('carries an .element comment after the block over to the placeholder', () => {
    const markdown = '## Q\n\n```poll\ntype: qa\n```\n<!-- .element: class="fragment" data-fragment-index="2" -->';
    const slide = compileClean(markdown).slides[0];
    expect(slide?.html).toBe(
      '<h2>Q</h2>\n\n\n\n<div class="handsup-question fragment" data-question-id="q" data-question-type="qa" data-fragment-index="2">' +
        '<h3 class="handsup-question-text">Q</h3></div>',
    );
    expect(slide?.fragments).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { QUESTION_BLOCKS, QUESTION_TYPES } from '../../protocol/question-types.ts';

/** The types whose poll block takes a field, as the descriptor says, listed as the messages list them ("a, b and c"). */
function typesTaking(field: string): string {
  const types = QUESTION_TYPES.filter((type) => (QUESTION_BLOCKS[type].fields as readonly string[]).includes(field));
  return types.length === 1 ? types[0]! : `${types.slice(0, -1).join(', ')} and ${types.at(-1)}`;
}
import { formatProblem } from '../../protocol/deck.ts';
import { compileDeck } from '../../slides/compiler/index.ts';

/** `file:line: message` for every problem, so each assertion checks the line too. */
function problemsOf(lines: readonly string[]): string[] {
  return compileDeck(lines.join('\n'), 'talk.md').problems.map(formatProblem);
}

/** A slide with a heading on line `start` and a poll block whose YAML starts on line `start + 2`. */
function pollSlide(yamlLines: readonly string[], heading = '## Question?'): string[] {
  return [heading, '```poll', ...yamlLines, '```'];
}

describe('problems in poll blocks', () => {
  it('reports bad YAML at the deck line of the error, with a hint', () => {
    expect(problemsOf(['# Intro', '---', ...pollSlide(['options:', '  - a', 'question: Why: not'])])).toEqual([
      'talk.md:7: bad YAML in poll block: Nested mappings are not allowed in compact mappings — put text that contains ": " in quotes',
    ]);
  });

  it('reports a duplicate key as bad YAML on the second key', () => {
    expect(problemsOf(pollSlide(['options: [a, b]', 'options: [c, d]']))).toEqual([
      'talk.md:4: bad YAML in poll block: Map keys must be unique — each key may appear only once',
    ]);
  });

  it('reports a block that is not key: value lines', () => {
    expect(problemsOf(pollSlide(['- a', '- b']))).toEqual([
      'talk.md:2: poll block must be "key: value" lines (YAML), e.g. type: choice',
    ]);
  });

  it('reports an unknown type on the type: line, and unknown fields along with it', () => {
    expect(problemsOf(pollSlide(['type: pol', 'optins: [a, b]', 'options: [a, b]']))).toEqual([
      `talk.md:3: unknown question type "pol" — use one of: ${QUESTION_TYPES.join(', ')}`,
      'talk.md:4: unknown field "optins" in poll block — did you mean "options"?',
    ]);
  });

  it('reports unknown fields with a did-you-mean hint, or the fields the type takes', () => {
    expect(problemsOf(pollSlide(['optins: [a, b]', 'options: [a, b]', 'max_length: 3', 'colour: red']))).toEqual([
      'talk.md:3: unknown field "optins" in poll block — did you mean "options"?',
      `talk.md:5: unknown field "max_length" in poll block — did you mean "max-length"? (only ${typesTaking('max-length')} questions take it)`,
      'talk.md:6: unknown field "colour" in poll block — a choice question takes: id, type, question, options, multiple, results, compare',
    ]);
  });

  it('reports fields of other types and says which types take them', () => {
    expect(problemsOf(pollSlide(['options: [a, b]', 'correct: a']))).toEqual([
      'talk.md:4: a choice question has no correct: — only quiz questions take it (add type: quiz)',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'options: [a, b]', 'max-length: 10']))).toEqual([
      `talk.md:4: a scale question has no options: — only ${typesTaking('options')} questions take it`,
      `talk.md:5: a scale question has no max-length: — only ${typesTaking('max-length')} questions take it`,
    ]);
  });

  it('reports missing, single and non-list options', () => {
    expect(problemsOf(pollSlide(['multiple: true']))).toEqual([
      'talk.md:2: a choice question needs at least 2 options under options:',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options:', '  - Paris', 'correct: Paris']))).toEqual([
      'talk.md:4: a quiz question needs at least 2 options under options:',
    ]);
    expect(problemsOf(pollSlide(['options:']))).toEqual([
      'talk.md:3: a choice question needs at least 2 options under options:',
    ]);
    expect(problemsOf(pollSlide(['options: a, b']))).toEqual([
      'talk.md:3: options: must be a list, one "- option" per line (it is "a, b")',
    ]);
  });

  it('reports empty, non-text and duplicate options on their own lines', () => {
    expect(
      problemsOf(pollSlide(['options:', '  - Yes', '  -', '  - Note: this', '  - "  "', '  - yes'])),
    ).toEqual([
      'talk.md:5: option 2 is empty — write its text or delete the line',
      'talk.md:6: option 3 is not plain text — put it in quotes if it contains ": ", e.g. - "Note: this"',
      'talk.md:7: option 4 is empty — write its text or delete the line',
      'talk.md:8: option "yes" is listed twice (options 1 and 5) — each option must be different',
    ]);
  });

  it('reports bad multiple:, results: and id:', () => {
    expect(
      problemsOf(pollSlide(['id: my question', 'options: [a, b]', 'multiple: yes', 'results: always'])),
    ).toEqual([
      'talk.md:3: question id "my question" may only contain letters, digits, "-" and "_" (at most 64 characters)',
      'talk.md:5: multiple: must be true or false (it is "yes")',
      'talk.md:6: unknown results setting "always" — use one of: live, after-vote, after-close, presenter-only',
    ]);
    expect(problemsOf(pollSlide(['id: [a]', 'options: [a, b]']))).toEqual(['talk.md:3: id: must be text (it is a list)']);
  });

  it('reports an empty or non-text question:', () => {
    expect(problemsOf(pollSlide(['question:', 'options: [a, b]']))).toEqual([
      "talk.md:3: question: is empty — write the question, or delete the line to use the slide's heading",
    ]);
    expect(problemsOf(pollSlide(['question: [a]', 'options: [a, b]']))).toEqual([
      'talk.md:3: question: must be text (it is a list)',
    ]);
  });

  it('reports a block with no question text and no heading', () => {
    expect(problemsOf(['Some text', '```poll', 'options: [a, b]', '```'])).toEqual([
      'talk.md:2: question block has no question text — add question: or a heading on the slide',
    ]);
  });

  it('reports quiz problems: no correct, correct not an option, bad time', () => {
    expect(problemsOf(pollSlide(['type: quiz', 'options: [Lyon, Paris]']))).toEqual([
      'talk.md:2: a quiz question needs correct: — the text of the right option (or a list of them)',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [Lyon, Paris]', 'correct: [Paris, Rome]']))).toEqual([
      'talk.md:5: quiz correct answer "Rome" is not one of the options: "Lyon", "Paris"',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [Lyon, Paris]', 'correct: 2']))).toEqual([
      `talk.md:5: quiz correct answer "2" is not one of the options: "Lyon", "Paris" — write the option's text, e.g. correct: Paris`,
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [Lyon, Paris]', 'correct: {a: b}']))).toEqual([
      'talk.md:5: correct: must be the text of the right option, or a list of them (it is a key: value block)',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [a, b]', 'correct: a', 'time: 3']))).toEqual([
      'talk.md:6: quiz time must be a whole number of seconds from 5 to 600 (it is 3)',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [a, b]', 'correct: a', 'time: 20s']))).toEqual([
      'talk.md:6: quiz time must be a whole number of seconds from 5 to 600 (it is "20s")',
    ]);
    expect(problemsOf(pollSlide(['type: quiz', 'options: [a, b]', 'correct: a', 'time: 601']))).toEqual([
      'talk.md:6: quiz time must be a whole number of seconds from 5 to 600 (it is 601)',
    ]);
  });

  it('reports scale problems: order, span, whole numbers, labels', () => {
    expect(problemsOf(pollSlide(['type: scale', 'min: 5', 'max: 3']))).toEqual([
      'talk.md:4: scale min (5) must be less than max (3)',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'max: 1']))).toEqual([
      'talk.md:2: scale min (1) must be less than max (1)',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'min: 0', 'max: 30']))).toEqual([
      'talk.md:5: scale max - min must be at most 20 (here 30 - 0 = 30)',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'min: 1.5', 'max: ten']))).toEqual([
      'talk.md:4: scale min must be a whole number (it is 1.5)',
      'talk.md:5: scale max must be a whole number (it is "ten")',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'labels: [low]']))).toEqual([
      'talk.md:4: scale labels must be two texts: labels: [low, high]',
    ]);
    expect(problemsOf(pollSlide(['type: scale', 'labels: [low, ""]']))).toEqual([
      'talk.md:4: scale labels must be two texts: labels: [low, high]',
    ]);
  });

  it('reports max-length and max-answers out of range', () => {
    expect(problemsOf(pollSlide(['type: wordcloud', 'max-length: 60', 'max-answers: 0']))).toEqual([
      'talk.md:4: max-length must be a whole number from 1 to 50 for a wordcloud question (it is 60)',
      'talk.md:5: max-answers must be a whole number from 1 to 10 (it is 0)',
    ]);
    expect(problemsOf(pollSlide(['type: text', 'max-length: 1001']))).toEqual([
      'talk.md:4: max-length must be a whole number from 1 to 1000 for a text question (it is 1001)',
    ]);
    expect(problemsOf(pollSlide(['type: qa', 'max-length: -1']))).toEqual([
      'talk.md:4: max-length must be a whole number from 1 to 1000 for a qa question (it is -1)',
    ]);
  });

  it('reports every problem of one block at once, unknown keys and cross-field rules together', () => {
    expect(problemsOf(pollSlide(['type: scale', 'min: 9', 'max: 2', 'lables: [a, b]']))).toEqual([
      'talk.md:4: scale min (9) must be less than max (2)',
      'talk.md:6: unknown field "lables" in poll block — did you mean "labels"?',
    ]);
  });

  it('reports a code block that looks like a poll block but is not', () => {
    expect(problemsOf(['## Q', '```Poll', 'options: [a, b]', '```'])).toEqual([
      'talk.md:2: code block "Poll" is not a question block — write exactly ```poll on the opening line',
    ]);
  });

  it('reports a poll block inside the speaker notes', () => {
    expect(problemsOf(['## Q', 'Note: remember', '```poll', 'options: [a, b]', '```'])).toEqual([
      'talk.md:3: poll block is inside the speaker notes (Note: on line 2) — move it above the Note: line',
    ]);
  });
});

describe('problems across the deck', () => {
  it('reports a duplicate defaulted id at the second fence, naming the first', () => {
    const lines = [...pollSlide(['options: [a, b]'], '## Same?'), '---', ...pollSlide(['options: [c, d]'], '## Same?')];
    expect(problemsOf(lines)).toEqual([
      'talk.md:7: duplicate question id "same" (first used on line 2) — give this question its own id:',
    ]);
  });

  it('reports a duplicate explicit id on its id: line', () => {
    const lines = [
      ...pollSlide(['id: x', 'options: [a, b]'], '## One'),
      '---',
      ...pollSlide(['type: qa', 'id: x'], '## Two'),
    ];
    expect(problemsOf(lines)).toEqual([
      'talk.md:10: duplicate question id "x" (first used on line 3) — give this question its own id:',
    ]);
    const { deck } = compileDeck(lines.join('\n'), 'talk.md');
    expect(deck.questions.map((question) => question.id)).toEqual(['x']);
    expect(deck.slides.map((slide) => slide.questionIds)).toEqual([['x'], []]);
  });

  it('reports two questions on one slide at the second block', () => {
    const lines = ['## Two at once', '```poll', 'options: [a, b]', '```', '```poll', 'type: qa', 'id: other', '```'];
    expect(problemsOf(lines)).toEqual(['talk.md:5: two questions on one slide — put each question on its own slide']);
  });

  it('reports compare: naming no question, a later one, itself, another type, other options or another scale', () => {
    const lines = [
      ...pollSlide(['id: before', 'options: [Yes, No]'], '## A'), // 1-5
      '---', // 6
      ...pollSlide(['options: [Yes, No]', 'compare: befor'], '## B'), // 7-11
      '---', // 12
      ...pollSlide(['options: [Yes, No]', 'compare: later'], '## C'), // 13-17
      '---', // 18
      ...pollSlide(['id: self', 'options: [Yes, No]', 'compare: self'], '## D'), // 19-24
      '---', // 25
      ...pollSlide(['type: qa', 'compare: before'], '## E'), // 26-30
      '---', // 31
      ...pollSlide(['options: [No, Yes]', 'compare: before'], '## F'), // 32-36
      '---', // 37
      ...pollSlide(['id: later', 'options: [Yes, No]'], '## G'), // 38-42
      '---', // 43
      ...pollSlide(['type: scale', 'id: s5'], '## H'), // 44-48
      '---', // 49
      ...pollSlide(['type: scale', 'max: 7', 'compare: s5'], '## I'), // 50-55
    ];
    expect(problemsOf(lines)).toEqual([
      'talk.md:10: compare: no question has id "befor" — did you mean "before"?',
      'talk.md:16: compare: "later" comes later in the deck (line 40) — compare with an earlier question',
      'talk.md:23: compare: a question cannot be compared with itself — name an earlier question',
      'talk.md:29: compare: "before" is a choice question but this is a qa question — compare questions of the same type',
      'talk.md:35: compare: "before" has different options — a before/after pair needs the same options in the same order',
      'talk.md:54: compare: "s5" uses a different scale (1 to 5) — use the same min and max',
    ]);
  });

  it('does not pile a compare problem on a target that has problems of its own', () => {
    const lines = [
      ...pollSlide(['id: broken', 'options: [only]'], '## A'),
      '---',
      ...pollSlide(['options: [a, b]', 'compare: broken'], '## B'),
    ];
    expect(problemsOf(lines)).toEqual(['talk.md:4: a choice question needs at least 2 options under options:']);
  });

  it('reports an unclosed code fence at its opening line', () => {
    expect(problemsOf(['# A', '```js', 'code', '---', '# B'])).toEqual([
      'talk.md:2: code block is never closed — add a closing ``` line (everything after this line, including --- separators, is inside it)',
    ]);
    const { deck } = compileDeck(['# A', '```js', 'code', '---', '# B'].join('\n'), 'talk.md');
    expect(deck.slides).toHaveLength(1);
  });

  it('reports an unclosed poll fence without parsing the rest of the file as YAML', () => {
    expect(problemsOf(['## Q', '~~~~poll', 'options: [a, b]', '---', '# B'])).toEqual([
      'talk.md:2: poll block is never closed — add a closing ~~~~ line (everything after this line, including --- separators, is inside it)',
    ]);
  });

  it('reports an empty deck', () => {
    expect(problemsOf([''])).toEqual([
      'talk.md:1: the deck has no slides — write some Markdown, with a --- line between slides',
    ]);
    expect(problemsOf(['---', '', '---', '  '])).toEqual([
      'talk.md:1: the deck has no slides — write some Markdown, with a --- line between slides',
    ]);
  });

  it('reports front matter problems', () => {
    expect(problemsOf(['---', 'titel: Talk', 'theme: dark', 'colour: red', '---', '# A'])).toEqual([
      'talk.md:2: unknown front matter field "titel" — did you mean "title"?',
      'talk.md:3: theme: no theme "dark" — valid: beige, black-contrast, black, blood, dracula, league, moon, night, serif, simple, sky, solarized, white-contrast, white',
      'talk.md:4: unknown front matter field "colour" — front matter takes: title, lang, profanity-filter, blocked-words, theme, highlightTheme, separator, verticalSeparator, revealOptions',
    ]);
    expect(problemsOf(['---', 'title: [a]', '---', '# A'])).toEqual(['talk.md:2: front matter title: must be text']);
    expect(problemsOf(['---', 'title: "open', '---', '# A'])).toEqual([
      'talk.md:2: bad YAML in front matter: Missing closing "quote — a quote or bracket is not closed',
    ]);
  });

  it('reports a bad value and the rules it would have hidden in one run: results typo and wrong correct', () => {
    const problems = problemsOf(pollSlide(['type: quiz', 'options: [Paris, Rome]', 'correct: Lyon', 'results: sometimes', 'resluts: live'], '## Capital'));
    expect(problems).toEqual([
      'talk.md:5: quiz correct answer "Lyon" is not one of the options: "Paris", "Rome"',
      'talk.md:6: unknown results setting "sometimes" — use one of: live, after-vote, after-close, presenter-only',
      'talk.md:7: unknown field "resluts" in poll block — did you mean "results"?',
    ]);
    // A bad key the rules depend on stops there: no guesses about options that are not there.
    expect(problemsOf(pollSlide(['type: quiz', 'options: Paris', 'correct: Lyon', 'results: sometimes'], '## Capital'))).toHaveLength(2);
  });

  it('reports every problem in the file, sorted by line, and still returns a best-effort deck', () => {
    const lines = [
      '# Welcome', // 1
      '---', // 2
      ...pollSlide(['type: pol'], '## One'), // 3-6
      '---', // 7
      ...pollSlide(['type: quiz', 'options: [A, B, C]', 'correct: D', 'time: 2'], '## Two'), // 8-14
      '---', // 15
      ...pollSlide(['options: [a, b]'], '## Welcome'), // 16-19
      '```poll', // 20
      'type: qa', // 21
      '```', // 22
      '---', // 23
      '```', // 24
    ];
    const result = compileDeck(lines.join('\n'), 'decks/talk.md');
    expect(result.problems).toEqual([
      {
        file: 'decks/talk.md',
        line: 5,
        message: `unknown question type "pol" — use one of: ${QUESTION_TYPES.join(', ')}`,
      },
      // A bad time: does not hide the wrong correct answer: both come out in the same run.
      { file: 'decks/talk.md', line: 12, message: 'quiz correct answer "D" is not one of the options: "A", "B", "C"' },
      {
        file: 'decks/talk.md',
        line: 13,
        message: 'quiz time must be a whole number of seconds from 5 to 600 (it is 2)',
      },
      { file: 'decks/talk.md', line: 20, message: 'two questions on one slide — put each question on its own slide' },
      { file: 'decks/talk.md', line: 20, message: 'duplicate question id "welcome" (first used on line 17) — give this question its own id:' },
      {
        file: 'decks/talk.md',
        line: 24,
        message:
          'code block is never closed — add a closing ``` line (everything after this line, including --- separators, is inside it)',
      },
    ]);
    expect(result.deck.slides.map((slide) => slide.title)).toEqual(['Welcome', 'One', 'Two', 'Welcome', '']);
    expect(result.deck.questions.map((question) => question.id)).toEqual(['welcome']);
  });
});

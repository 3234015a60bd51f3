/** One slide from its Markdown to the protocol's Slide, questions included. */
import type { Slide } from '../../protocol/deck.ts';
import { applyAttributeComments } from './attribute-comments.ts';
import type { DeckQuestions } from './deck-questions.ts';
import { countFragmentSteps } from './fragments.ts';
import { renderMarkdown } from './markdown.ts';
import type { LineProblem } from './problems.ts';
import { parsePollBlock } from './question-block.ts';
import { INVALID_QUESTION_HTML, renderQuestionHtml } from './question-html.ts';
import { fillQuestionSlots } from './question-slot.ts';
import { newSlideElement, parseSlideHtml, serializeSlide } from './slide-dom.ts';
import { takeAsideNotes, takeDataNotes } from './slide-notes.ts';
import type { SlideSource } from './split.ts';
import { firstHeadingText } from './title.ts';

export function compileSlide(
  source: SlideSource,
  index: number,
  deckQuestions: DeckQuestions,
): { slide: Slide; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  // The same steps as reveal.js's markdown plugin: marked, the browser's parse, then the comments.
  const content = parseSlideHtml(renderMarkdown(source.markdown));
  const section = newSlideElement();
  applyAttributeComments(content, section);
  const asideNotes = takeAsideNotes(content);
  const dataNotes = takeDataNotes(section);
  const title = firstHeadingText(content);
  const fragments = countFragmentSteps(content);

  const blocks = source.polls.map((poll) => parsePollBlock(poll, { slideTitle: title, slideIndex: index }));
  const questionIds: string[] = [];
  blocks.forEach((block, position) => {
    problems.push(...block.problems);
    // The live server shows one question per slide: reaching the slide opens it.
    if (position > 0) {
      problems.push({ line: block.fenceLine, message: 'two questions on one slide — put each question on its own slide' });
    }
    if (deckQuestions.add(block) && block.question) questionIds.push(block.question.id);
  });

  // Trimmed only at the ends: inside, blank lines may belong to a <pre>.
  const html = fillQuestionSlots(serializeSlide(content), (slot) => {
    const question = blocks[slot]?.question;
    return question ? renderQuestionHtml(question) : INVALID_QUESTION_HTML;
  }).trim();

  const notesParts = [...asideNotes, source.notes === '' ? '' : renderMarkdown(source.notes).trim()];
  const slide: Slide = {
    index,
    position: { h: source.h, v: source.v },
    html,
    notes: dataNotes ?? notesParts.filter((part) => part !== '').join('\n'),
    title,
    // Values as written, as reveal.js's setAttribute leaves them.
    attributes: Object.fromEntries(section.attrs.map(({ name, value }) => [name, value])),
    fragments,
    questionIds,
    line: source.line,
  };
  return { slide, problems };
}

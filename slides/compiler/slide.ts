/** One slide from its Markdown to the protocol's Slide, questions included. */
import type { Slide } from '../../protocol/deck.ts';
import { applyAttributeComments } from './attribute-comments.ts';
import { attributesToRecord } from './attributes.ts';
import type { DeckQuestions } from './deck-questions.ts';
import { countFragmentSteps } from './fragments.ts';
import { renderNotesMarkdown, renderSlideMarkdown } from './markdown.ts';
import type { LineProblem } from './problems.ts';
import { parsePollBlock } from './question-block.ts';
import { INVALID_QUESTION_HTML, renderQuestionHtml } from './question-html.ts';
import { fillQuestionSlots } from './question-slot.ts';
import type { SlideSource } from './split.ts';
import { firstHeadingText } from './title.ts';

export function compileSlide(
  source: SlideSource,
  index: number,
  deckQuestions: DeckQuestions,
): { slide: Slide; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const { html: renderedHtml, slideAttributes } = applyAttributeComments(renderSlideMarkdown(source.markdown));
  const title = firstHeadingText(renderedHtml);

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
  const html = fillQuestionSlots(renderedHtml, (slot) => {
    const question = blocks[slot]?.question;
    return question ? renderQuestionHtml(question) : INVALID_QUESTION_HTML;
  }).trim();

  const slide: Slide = {
    index,
    position: { h: source.h, v: source.v },
    html,
    notes: source.notes === '' ? '' : renderNotesMarkdown(source.notes),
    title,
    attributes: attributesToRecord(slideAttributes),
    fragments: countFragmentSteps(html),
    questionIds,
    line: source.line,
  };
  return { slide, problems };
}

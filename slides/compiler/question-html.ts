/**
 * The static HTML that stands in a slide where its ```poll block was. The projector fills
 * the div with live results; until then (and in an export without results) it shows the
 * question and what its type puts under it (question-types/<type>.ts: the options, a
 * scale's ends). A quiz's correct answer is never in it: the projector page is public,
 * and phones must not be able to read the answer off the slide.
 */
import type { Question } from '../../protocol/deck.ts';
import { compilerFor } from './question-types/index.ts';
import { escapeHtml } from './text.ts';

export function renderQuestionHtml(question: Question): string {
  return (
    `<div class="handsup-question" data-question-id="${escapeHtml(question.id)}" data-question-type="${question.type}">` +
    `<h3 class="handsup-question-text">${escapeHtml(question.question)}</h3>` +
    compilerFor(question.type).html(question) +
    '</div>'
  );
}

/** Where a block with problems sat: the deck will not start, but a preview still lays out. */
export const INVALID_QUESTION_HTML = '<div class="handsup-question handsup-question-invalid"></div>';

/**
 * The static HTML that stands in a slide where its ```poll block was. The projector fills
 * the div with live results; until then (and in an export without results) it shows the
 * question and its options. A quiz's correct answer is never in it: the projector page is
 * public, and phones must not be able to read the answer off the slide.
 */
import type { Question } from '../../protocol/deck.ts';
import { escapeHtml } from './text.ts';

function optionsHtml(options: readonly string[]): string {
  return `<ol class="handsup-options">${options.map((option) => `<li>${escapeHtml(option)}</li>`).join('')}</ol>`;
}

function scaleEndHtml(end: 'min' | 'max', value: number, label: string | undefined): string {
  const text = label === undefined ? String(value) : `${value} — ${label}`;
  return `<span class="handsup-scale-${end}">${escapeHtml(text)}</span>`;
}

function bodyHtml(question: Question): string {
  switch (question.type) {
    case 'choice':
    case 'quiz':
      return optionsHtml(question.options);
    case 'scale':
      return `<p class="handsup-scale">${scaleEndHtml('min', question.min, question.labels?.[0])} … ${scaleEndHtml('max', question.max, question.labels?.[1])}</p>`;
    case 'wordcloud':
    case 'text':
    case 'qa':
      return '';
  }
}

export function renderQuestionHtml(question: Question): string {
  return (
    `<div class="handsup-question" data-question-id="${escapeHtml(question.id)}" data-question-type="${question.type}">` +
    `<h3 class="handsup-question-text">${escapeHtml(question.question)}</h3>` +
    bodyHtml(question) +
    '</div>'
  );
}

/** Where a block with problems sat: the deck will not start, but a preview still lays out. */
export const INVALID_QUESTION_HTML = '<div class="handsup-question handsup-question-invalid"></div>';

/**
 * The `options:` list of the types that offer options (choice, quiz): its schema and how
 * it stands on the slide.
 */
import { z } from 'zod';
import type { QuestionType } from '../../../protocol/question-types.ts';
import { got } from '../question-schema.ts';
import { escapeHtml, quote } from '../text.ts';

function optionProblem(item: unknown, index: number, seen: Map<string, number>): string | null {
  const number = index + 1;
  if (item === null || item === undefined || (typeof item === 'string' && item.trim() === '')) {
    return `option ${number} is empty — write its text or delete the line`;
  }
  if (typeof item !== 'string') {
    return `option ${number} is not plain text — put it in quotes if it contains ": ", e.g. - "Note: this"`;
  }
  // Two options that differ only in case would look the same on a phone.
  const key = item.trim().toLowerCase();
  const first = seen.get(key);
  if (first !== undefined) {
    return `option ${quote(item.trim())} is listed twice (options ${first} and ${number}) — each option must be different`;
  }
  seen.set(key, number);
  return null;
}

export function optionList(type: QuestionType) {
  const needTwo = `a ${type} question needs at least 2 options under options:`;
  return z
    .array(z.unknown(), {
      error: (issue) =>
        issue.input == null ? needTwo : `options: must be a list, one "- option" per line${got(issue.input)}`,
    })
    .min(2, { error: needTwo })
    .check((context) => {
      const seen = new Map<string, number>();
      context.value.forEach((item, index) => {
        const message = optionProblem(item, index, seen);
        if (message) context.issues.push({ code: 'custom', message, input: item, path: [index] });
      });
    })
    .transform((items) => items.map((item) => String(item).trim()));
}

export function optionsHtml(options: readonly string[]): string {
  return `<ol class="handsup-options">${options.map((option) => `<li>${escapeHtml(option)}</li>`).join('')}</ol>`;
}

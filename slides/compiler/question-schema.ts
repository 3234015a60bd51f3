/**
 * The zod pieces the poll block schemas are made of: the fields every type shares, and
 * field kinds several types use. Each type's own schema is in question-types/<type>.ts.
 * Each field carries the message a presenter reads in `file:line: message`, so the
 * messages live next to the rule they explain. Rules that span questions (unique ids,
 * compare) are in deck-questions.ts.
 *
 * Field names are the YAML names (`max-length`); each type's module maps them to the
 * protocol's names (`maxLength`).
 */
import { z } from 'zod';
import { RESULTS_VISIBILITY, type QuestionType } from '../../protocol/question-types.ts';
import { quote } from './text.ts';

/** Ids go into HTML attributes, URLs and storage keys: keep them plain. */
export const QUESTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** " (it is "20s")" — shows the presenter what was read, when something was. */
export function got(input: unknown): string {
  return input === undefined ? '' : ` (it is ${quote(input)})`;
}

export function wholeNumber(message: string, min: number, max: number) {
  const error = (issue: { input: unknown }) => message + got(issue.input);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

const questionText = z
  .string({
    error: (issue) =>
      issue.input == null
        ? "question: is empty — write the question, or delete the line to use the slide's heading"
        : `question: must be text${got(issue.input)}`,
  })
  .trim()
  .min(1, { error: "question: is empty — write the question, or delete the line to use the slide's heading" });

export const commonFields = {
  id: z
    .string({ error: (issue) => `id: must be text${got(issue.input)}` })
    .regex(QUESTION_ID_PATTERN, {
      error: (issue) =>
        `question id ${quote(issue.input)} may only contain letters, digits, "-" and "_" (at most 64 characters)`,
    })
    .optional(),
  question: questionText.optional(),
  results: z
    .enum(RESULTS_VISIBILITY, {
      error: (issue) => `unknown results setting ${quote(issue.input)} — use one of: ${RESULTS_VISIBILITY.join(', ')}`,
    })
    .optional(),
  compare: z
    .string({ error: (issue) => `compare: must be the id of an earlier question${got(issue.input)}` })
    .trim()
    .min(1, { error: 'compare: must be the id of an earlier question' })
    .optional(),
};

/** max-length for a type whose answers are typed: at most `limit` characters, `fallback` unless the block says. */
export function maxLength(type: QuestionType, limit: number, fallback: number) {
  return wholeNumber(`max-length must be a whole number from 1 to ${limit} for a ${type} question`, 1, limit).default(fallback);
}

/** `type:` may be left out (a block without it is a choice question); when given, it is the module's own. */
export function typeField<T extends QuestionType>(type: T) {
  return z.literal(type).optional();
}

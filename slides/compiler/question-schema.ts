/**
 * zod schemas for the body of a ```poll block, one per question type. Each field carries
 * the message a presenter reads in `file:line: message`, so the messages live next to the
 * rule they explain. Rules that span fields (min < max, correct is an option) are in
 * question-rules.ts; rules that span questions (unique ids, compare) in deck-questions.ts.
 *
 * Field names are the YAML names (`max-length`); question-block.ts maps them to the
 * protocol's names (`maxLength`).
 */
import { z } from 'zod';
import { RESULTS_VISIBILITY, type QuestionType } from '../../protocol/deck.ts';
import { quote } from './text.ts';

/** Ids go into HTML attributes, URLs and storage keys: keep them plain. */
export const QUESTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const QUIZ_TIME = { min: 5, max: 600, default: 20 } as const;
/** The read phase: the question shows this long before answers open. */
const QUIZ_READ = { min: 0, max: 60, default: 3 } as const;
const SCALE = { min: 1, max: 5 } as const;
const WORDCLOUD_MAX_ANSWERS = { min: 1, max: 10, default: 3 } as const;
const MAX_LENGTH: Record<'wordcloud' | 'text' | 'qa', { limit: number; default: number }> = {
  wordcloud: { limit: 50, default: 25 },
  text: { limit: 1000, default: 280 },
  qa: { limit: 1000, default: 280 },
};

/** " (it is "20s")" — shows the presenter what was read, when something was. */
function got(input: unknown): string {
  return input === undefined ? '' : ` (it is ${quote(input)})`;
}

function wholeNumber(message: string, min: number, max: number) {
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

const commonFields = {
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

function optionList(type: 'choice' | 'quiz') {
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

const correctAnswers = z
  .union([z.string(), z.array(z.string()).min(1)], {
    error: (issue) =>
      issue.input == null
        ? 'a quiz question needs correct: — the text of the right option (or a list of them)'
        : `correct: must be the text of the right option, or a list of them${got(issue.input)}`,
  })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((answer) => answer.trim()));

const SCALE_LABELS_MESSAGE = 'scale labels must be two texts: labels: [low, high]';
const scaleLabel = z.string({ error: SCALE_LABELS_MESSAGE }).trim().min(1, { error: SCALE_LABELS_MESSAGE });
const scaleLabels = z.tuple([scaleLabel, scaleLabel], { error: SCALE_LABELS_MESSAGE });

function maxLength(type: keyof typeof MAX_LENGTH) {
  const { limit, default: fallback } = MAX_LENGTH[type];
  return wholeNumber(`max-length must be a whole number from 1 to ${limit} for a ${type} question`, 1, limit).default(
    fallback,
  );
}

function typeField<T extends QuestionType>(type: T) {
  return z.literal(type).optional();
}

export const QUESTION_SCHEMAS = {
  choice: z.strictObject({
    ...commonFields,
    type: typeField('choice'),
    options: optionList('choice'),
    multiple: z.boolean({ error: (issue) => `multiple: must be true or false${got(issue.input)}` }).default(false),
  }),
  quiz: z.strictObject({
    ...commonFields,
    type: typeField('quiz'),
    options: optionList('quiz'),
    correct: correctAnswers,
    time: wholeNumber(
      `quiz time must be a whole number of seconds from ${QUIZ_TIME.min} to ${QUIZ_TIME.max}`,
      QUIZ_TIME.min,
      QUIZ_TIME.max,
    ).default(QUIZ_TIME.default),
    read: wholeNumber(
      `quiz read must be a whole number of seconds from ${QUIZ_READ.min} to ${QUIZ_READ.max}`,
      QUIZ_READ.min,
      QUIZ_READ.max,
    ).default(QUIZ_READ.default),
  }),
  scale: z.strictObject({
    ...commonFields,
    type: typeField('scale'),
    min: z.int({ error: (issue) => `scale min must be a whole number${got(issue.input)}` }).default(SCALE.min),
    max: z.int({ error: (issue) => `scale max must be a whole number${got(issue.input)}` }).default(SCALE.max),
    labels: scaleLabels.optional(),
  }),
  wordcloud: z.strictObject({
    ...commonFields,
    type: typeField('wordcloud'),
    'max-length': maxLength('wordcloud'),
    'max-answers': wholeNumber(
      `max-answers must be a whole number from ${WORDCLOUD_MAX_ANSWERS.min} to ${WORDCLOUD_MAX_ANSWERS.max}`,
      WORDCLOUD_MAX_ANSWERS.min,
      WORDCLOUD_MAX_ANSWERS.max,
    ).default(WORDCLOUD_MAX_ANSWERS.default),
  }),
  text: z.strictObject({
    ...commonFields,
    type: typeField('text'),
    'max-length': maxLength('text'),
  }),
  qa: z.strictObject({
    ...commonFields,
    type: typeField('qa'),
    'max-length': maxLength('qa'),
  }),
} as const;

export type QuestionFields<T extends QuestionType> = z.output<(typeof QUESTION_SCHEMAS)[T]>;

/** Who sees results when the block does not say: a quiz keeps its answer until closed. */
export const DEFAULT_RESULTS: Record<QuestionType, (typeof RESULTS_VISIBILITY)[number]> = {
  choice: 'live',
  quiz: 'after-close',
  scale: 'live',
  wordcloud: 'live',
  text: 'live',
  qa: 'live',
};

/** The widest scale a phone can show as one row of buttons: max - min at most 20. */
export const MAX_SCALE_SPAN = 20;

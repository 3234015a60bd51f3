import { z } from 'zod';
import type { QuizQuestion } from '../../../protocol/question-types.ts';
import { commonFields, got, typeField, wholeNumber } from '../question-schema.ts';
import { quote } from '../text.ts';
import { optionList, optionsHtml } from './option-list.ts';
import type { FieldProblem, QuestionCompiler } from './question-compiler.ts';

const QUIZ_TIME = { min: 5, max: 600, default: 20 } as const;
/** The read phase: the question shows this long before answers open. */
const QUIZ_READ = { min: 0, max: 60, default: 3 } as const;

const correctAnswers = z
  .union([z.string(), z.array(z.string()).min(1)], {
    error: (issue) =>
      issue.input == null
        ? 'a quiz question needs correct: — the text of the right option (or a list of them)'
        : `correct: must be the text of the right option, or a list of them${got(issue.input)}`,
  })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((answer) => answer.trim()));

const schema = z.strictObject({
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
});

/**
 * Maps each correct answer to its option's index. Matching ignores case, since options
 * are already unique ignoring case; a bare number is most likely an option's position,
 * so the message says to write the text instead.
 */
export function resolveCorrectAnswers(
  answers: readonly string[],
  options: readonly string[],
): { indices: number[]; problems: FieldProblem[] } {
  const lowerOptions = options.map((option) => option.toLowerCase());
  const indices = new Set<number>();
  const problems: FieldProblem[] = [];
  for (const answer of answers) {
    const index = lowerOptions.indexOf(answer.toLowerCase());
    if (index >= 0) {
      indices.add(index);
      continue;
    }
    const position = /^\d+$/.test(answer) ? Number(answer) : 0;
    const hint =
      position >= 1 && position <= options.length
        ? ` — write the option's text, e.g. correct: ${options[position - 1]}`
        : '';
    problems.push({
      field: 'correct',
      message: `quiz correct answer ${quote(answer)} is not one of the options: ${options.map((option) => quote(option)).join(', ')}${hint}`,
    });
  }
  return { indices: [...indices].sort((a, b) => a - b), problems };
}

/**
 * A quiz: options with the right one(s), timed. The slide never shows which option is
 * right: the projector page is public, and phones must not be able to read it there.
 */
export const quizCompiler: QuestionCompiler<QuizQuestion, z.output<typeof schema>> = {
  schema,
  build(fields, base) {
    const { indices, problems } = resolveCorrectAnswers(fields.correct, fields.options);
    if (problems.length > 0) return problems;
    return { ...base, type: 'quiz', options: fields.options, correct: indices, time: fields.time, read: fields.read };
  },
  html: (question) => optionsHtml(question.options),
};

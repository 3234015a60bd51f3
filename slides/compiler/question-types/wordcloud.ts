import { z } from 'zod';
import type { WordcloudQuestion } from '../../../protocol/question-types.ts';
import { commonFields, maxLength, typeField, wholeNumber } from '../question-schema.ts';
import type { QuestionCompiler } from './question-compiler.ts';

const MAX_ANSWERS = { min: 1, max: 10, default: 3 } as const;

const schema = z.strictObject({
  ...commonFields,
  type: typeField('wordcloud'),
  'max-length': maxLength('wordcloud', 50, 25),
  'max-answers': wholeNumber(
    `max-answers must be a whole number from ${MAX_ANSWERS.min} to ${MAX_ANSWERS.max}`,
    MAX_ANSWERS.min,
    MAX_ANSWERS.max,
  ).default(MAX_ANSWERS.default),
});

/** A word cloud: each phone sends a few short words; the slide holds just the question until results come. */
export const wordcloudCompiler: QuestionCompiler<WordcloudQuestion, z.output<typeof schema>> = {
  schema,
  build: (fields, base) => ({ ...base, type: 'wordcloud', maxLength: fields['max-length'], maxAnswers: fields['max-answers'] }),
  html: () => '',
};

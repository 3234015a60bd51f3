import { z } from 'zod';
import type { ChoiceQuestion } from '../../../protocol/question-types.ts';
import { commonFields, got, typeField } from '../question-schema.ts';
import { optionList, optionsHtml } from './option-list.ts';
import type { QuestionCompiler } from './question-compiler.ts';

const schema = z.strictObject({
  ...commonFields,
  type: typeField('choice'),
  options: optionList('choice'),
  multiple: z.boolean({ error: (issue) => `multiple: must be true or false${got(issue.input)}` }).default(false),
});

/** A poll: options, one answer or several (`multiple: true`). */
export const choiceCompiler: QuestionCompiler<ChoiceQuestion, z.output<typeof schema>> = {
  schema,
  build: (fields, base) => ({ ...base, type: 'choice', options: fields.options, multiple: fields.multiple }),
  html: (question) => optionsHtml(question.options),
};

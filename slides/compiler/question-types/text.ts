import { z } from 'zod';
import type { TextQuestion } from '../../../protocol/question-types.ts';
import { commonFields, maxLength, typeField } from '../question-schema.ts';
import type { QuestionCompiler } from './question-compiler.ts';

const schema = z.strictObject({ ...commonFields, type: typeField('text'), 'max-length': maxLength('text', 1000, 280) });

/** An open answer: the slide holds just the question until answers come. */
export const textCompiler: QuestionCompiler<TextQuestion, z.output<typeof schema>> = {
  schema,
  build: (fields, base) => ({ ...base, type: 'text', maxLength: fields['max-length'] }),
  html: () => '',
};

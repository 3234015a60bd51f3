import { z } from 'zod';
import type { QaQuestion } from '../../../protocol/question-types.ts';
import { commonFields, maxLength, typeField } from '../question-schema.ts';
import type { QuestionCompiler } from './question-compiler.ts';

const schema = z.strictObject({ ...commonFields, type: typeField('qa'), 'max-length': maxLength('qa', 1000, 280) });

/** Audience Q&A: the slide holds just the prompt until questions come. */
export const qaCompiler: QuestionCompiler<QaQuestion, z.output<typeof schema>> = {
  schema,
  build: (fields, base) => ({ ...base, type: 'qa', maxLength: fields['max-length'] }),
  html: () => '',
};

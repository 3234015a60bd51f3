import { z } from 'zod';
import type { ScaleQuestion } from '../../../protocol/question-types.ts';
import { commonFields, got, typeField } from '../question-schema.ts';
import { escapeHtml } from '../text.ts';
import type { FieldProblem, QuestionCompiler } from './question-compiler.ts';

const SCALE = { min: 1, max: 5 } as const;
/** The widest scale a phone can show as one row of buttons: max - min at most 20. */
export const MAX_SCALE_SPAN = 20;

const SCALE_LABELS_MESSAGE = 'scale labels must be two texts: labels: [low, high]';
const scaleLabel = z.string({ error: SCALE_LABELS_MESSAGE }).trim().min(1, { error: SCALE_LABELS_MESSAGE });

const schema = z.strictObject({
  ...commonFields,
  type: typeField('scale'),
  min: z.int({ error: (issue) => `scale min must be a whole number${got(issue.input)}` }).default(SCALE.min),
  max: z.int({ error: (issue) => `scale max must be a whole number${got(issue.input)}` }).default(SCALE.max),
  labels: z.tuple([scaleLabel, scaleLabel], { error: SCALE_LABELS_MESSAGE }).optional(),
});

export function checkScaleRange(min: number, max: number): FieldProblem[] {
  if (min >= max) return [{ field: 'min', message: `scale min (${min}) must be less than max (${max})` }];
  if (max - min > MAX_SCALE_SPAN) {
    return [
      {
        field: 'max',
        message: `scale max - min must be at most ${MAX_SCALE_SPAN} (here ${max} - ${min} = ${max - min})`,
      },
    ];
  }
  return [];
}

function scaleEndHtml(end: 'min' | 'max', value: number, label: string | undefined): string {
  const text = label === undefined ? String(value) : `${value} — ${label}`;
  return `<span class="handsup-scale-${end}">${escapeHtml(text)}</span>`;
}

/** A scale: a whole number from min to max, the ends optionally labelled. */
export const scaleCompiler: QuestionCompiler<ScaleQuestion, z.output<typeof schema>> = {
  schema,
  build(fields, base) {
    const problems = checkScaleRange(fields.min, fields.max);
    if (problems.length > 0) return problems;
    return { ...base, type: 'scale', min: fields.min, max: fields.max, ...(fields.labels ? { labels: fields.labels } : {}) };
  },
  html: (question) =>
    `<p class="handsup-scale">${scaleEndHtml('min', question.min, question.labels?.[0])} … ${scaleEndHtml('max', question.max, question.labels?.[1])}</p>`,
};

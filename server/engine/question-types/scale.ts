import type { ScaleQuestion } from '../../../protocol/deck.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { tallyOptions } from './tally-options.ts';

/** A whole number from min to max; results are the distribution and the average. */
export const scaleQuestion: QuestionTypeRules<ScaleQuestion> = {
  checkAnswer(question, value) {
    if (!('value' in value)) return { ok: false, message: `a scale answer is { value: n } with n from ${question.min} to ${question.max}` };
    if (!Number.isInteger(value.value) || value.value < question.min || value.value > question.max) {
      return { ok: false, message: `${value.value} is not on this scale: pick a whole number from ${question.min} to ${question.max}` };
    }
    return { ok: true, value: { value: value.value } };
  },

  tally(question, { answers }) {
    const values = answers.flatMap((answer) => ('value' in answer.value ? [answer.value.value] : []));
    const labels = Array.from({ length: question.max - question.min + 1 }, (_, offset) => String(question.min + offset));
    const tallied = tallyOptions(labels, values, (value) => [value - question.min]);
    const sum = values.reduce((total, value) => total + value, 0);
    return {
      type: 'scale',
      questionId: question.id,
      ...tallied,
      average: values.length === 0 ? null : Math.round((sum / values.length) * 100) / 100,
    };
  },
};

import type { ChoiceQuestion } from '../../../protocol/deck.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { checkOptionsAnswer, optionPicks, tallyOptions } from './tally-options.ts';

/** A poll: one option, or several when `multiple` is set. */
export const choiceQuestion: QuestionTypeRules<ChoiceQuestion> = {
  checkAnswer(question, value) {
    if (!('options' in value)) return { ok: false, message: 'a choice answer is { options: [index, …] }' };
    return checkOptionsAnswer(value, question.options.length, question.multiple);
  },

  tally(question, { answers }) {
    return { type: 'choice', questionId: question.id, ...tallyOptions(question.options, answers, optionPicks) };
  },
};

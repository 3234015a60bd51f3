import type { ChoiceQuestion } from '../../../protocol/deck.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { checkOptionPicks, optionPicks, tallyOptions } from './tally-options.ts';

/** A poll: one option, or several when `multiple` is set. */
export const choiceQuestion: QuestionTypeRules<ChoiceQuestion> = {
  checkAnswer(question, value) {
    if (!('options' in value)) return { ok: false, message: 'a choice answer is { options: [index, …] }' };
    const checked = checkOptionPicks(value.options, question.options.length, question.multiple);
    if (!checked.ok) return checked;
    // Picks already in canonical form: the answer's value is kept as it came.
    return { ok: true, value: checked.picked === value.options ? value : { options: [...checked.picked] } };
  },

  tally(question, { answers }) {
    return { type: 'choice', questionId: question.id, ...tallyOptions(question.options, answers, optionPicks) };
  },
};

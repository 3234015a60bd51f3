import type { QuizQuestion } from '../../../protocol/deck.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { checkOptionPicks, optionPicks, tallyOptions } from './tally-options.ts';

/**
 * A quiz question: one option, answered once (no changing it: the points are for the first
 * answer's speed). The correct options are only in the results once the quiz is closed and
 * revealed. Scoring lives in ../quiz-scoring.ts.
 */
export const quizQuestion: QuestionTypeRules<QuizQuestion> = {
  checkAnswer(question, value) {
    if (!('options' in value)) return { ok: false, message: 'a quiz answer is { options: [index] }' };
    const checked = checkOptionPicks(value.options, question.options.length, false);
    return checked.ok ? { ok: true, value: { options: checked.picked } } : checked;
  },

  tally(question, { answers, revealAnswer }) {
    const tallied = tallyOptions(question.options, optionPicks(answers));
    return {
      type: 'quiz',
      questionId: question.id,
      ...tallied,
      ...(revealAnswer ? { correct: [...question.correct] } : {}),
    };
  },
};

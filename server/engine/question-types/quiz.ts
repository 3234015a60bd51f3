import type { QuizQuestion } from '../../../protocol/deck.ts';
import { failure } from '../../../protocol/errors.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { quizWindow } from './quiz-timing.ts';
import { checkOptionsAnswer, optionPicks, tallyOptions } from './tally-options.ts';

/**
 * A quiz question: one option, answered once (no changing it: the points are for the first
 * answer's speed). The correct options are only in the results once the quiz is closed and
 * revealed. Its rhythm (read phase, countdown) is in quiz-timing.ts, scoring in
 * ../quiz-scoring.ts and the standings in ../quiz-standings.ts.
 */
export const quizQuestion: QuestionTypeRules<QuizQuestion> = {
  timed: {
    window: quizWindow,
    // Points are for speed from the question's one opening: it runs again only from a reset.
    refuseReopen: (state) =>
      state.status === 'closed' ? failure('conflict', 'a quiz question runs once — reset it to run it again (that clears its answers and points)') : undefined,
    closesWhenAllAnswered: true,
  },

  checkAnswer(question, value) {
    if (!('options' in value)) return { ok: false, message: 'a quiz answer is { options: [index] }' };
    return checkOptionsAnswer(value, question.options.length, false);
  },

  tally(question, { answers, revealAnswer }) {
    const tallied = tallyOptions(question.options, answers, optionPicks);
    return {
      type: 'quiz',
      questionId: question.id,
      ...tallied,
      ...(revealAnswer ? { correct: [...question.correct] } : {}),
    };
  },
};

import type { QuizQuestion } from '../../protocol/deck.ts';
import { countdown } from '../countdown.ts';
import { h } from '../dom.ts';
import { scoreView } from '../score-view.ts';
import { strings } from '../strings.ts';
import { optionButtons, showPicked } from './option-buttons.ts';
import { pickedOptions, type RendererFactory } from './renderer.ts';

/**
 * A quiz question: the countdown, one big button per option and one final answer (the
 * other options lock once one is tapped). After the reveal the right options are marked
 * and the phone's own points and rank show above them.
 */
export const quizRenderer: RendererFactory<Omit<QuizQuestion, 'correct'>> = (question, context) => {
  const buttons = optionButtons(question.options, (index) => context.submit({ options: [index] }));
  const timer = countdown(question.time, context.say);
  const score = scoreView();
  const hint = h('p', { class: 'hint' }, strings.quizHint);
  const element = h(
    'div',
    { class: 'choice' },
    hint,
    timer.element,
    score.element,
    h('div', { class: 'options', role: 'group', 'aria-labelledby': context.headingId }, ...buttons),
  );
  return {
    element,
    update({ answer, open, results, state, score: own, serverNow }) {
      const chosen = pickedOptions(answer);
      // The read phase (false without one): the countdown says when the answers open, and the
      // server sends the state again then.
      const reading = state.answersOpenAt! > serverNow();
      showPicked(buttons, (index) => chosen.includes(index), !open || chosen.length > 0 || reading);
      hint.hidden = !open || chosen.length > 0 || reading;
      // Present only once the question is closed and revealed; the words are in the results and the score.
      const correct = results?.type === 'quiz' ? results.correct : undefined;
      buttons.forEach((button, index) => {
        if (correct) button.dataset.correct = String(correct.includes(index));
        else delete button.dataset.correct;
      });
      timer.update(state, serverNow);
      score.update(own, question.id);
    },
  };
};

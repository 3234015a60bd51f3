import type { Question } from '../../protocol/deck.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import { QUIZ_ADDED_SECONDS, type PresenterView } from '../../protocol/session.ts';
import { Countdown } from '../shared/results/countdown.ts';
import { renderQuizBoard } from '../shared/results/quiz-board.ts';
import type { ServerClock } from '../shared/server-clock.ts';
import { button, textElement } from './dom.ts';
import type { TypeSection } from './type-section.ts';

/**
 * A quiz question in the console: the countdown (its read phase, then the answering time)
 * while phones answer, with "+10 s" and "End now" beside it; once the answer is out (closed
 * and revealed), the standings under the results — the top 5, or after the deck's last quiz
 * question, once every quiz question is out, the podium.
 */
export class QuizSection implements TypeSection {
  readonly before = document.createElement('div');
  readonly after = document.createElement('div');
  readonly replacesResults = false;
  private readonly countdown: Countdown;
  private readonly timing = document.createElement('div');
  private readonly hint = textElement('p', 'console-quiz-hint', '');
  private readonly board = document.createElement('div');

  constructor(
    clock: ServerClock,
    /** The deck's last quiz question: where the podium goes. */
    private readonly last: boolean,
    control: (action: QuestionAction) => Promise<void>,
  ) {
    this.countdown = new Countdown(clock);
    this.before.className = 'console-quiz-clock';
    this.timing.className = 'console-quiz-timing';
    const more = button(`+${QUIZ_ADDED_SECONDS} s`, 'console-button', () => void control('add-time'));
    more.dataset.control = 'add-time';
    more.setAttribute('aria-label', `Add ${QUIZ_ADDED_SECONDS} seconds`);
    // Ending early is closing: the phones' answers so far count, the rest score nothing.
    const end = button('End now', 'console-button', () => void control('close'));
    end.dataset.control = 'end-now';
    this.timing.append(more, end);
    this.before.append(this.countdown.element, this.timing);
    this.after.className = 'console-quiz-standings';
    this.board.className = 'console-board';
    this.after.append(this.hint, this.board);
  }

  update(view: PresenterView, question: Question): void {
    if (question.type !== 'quiz') return;
    const state = view.questions[question.id];
    this.countdown.show(state, question.time);
    this.before.hidden = this.countdown.element.hidden;
    const closed = state?.status === 'closed';
    const answerOut = closed && state.revealed;
    const board = view.quiz;
    this.hint.hidden = !closed || answerOut;
    this.hint.textContent = 'Voting is closed. Reveal the results to show the answer and the standings on the projector and the phones.';
    const showBoard = answerOut && board !== null;
    this.board.hidden = !showBoard;
    if (showBoard) renderQuizBoard(this.board, board, { podium: this.last });
  }

  dispose(): void {
    this.countdown.stop();
  }
}

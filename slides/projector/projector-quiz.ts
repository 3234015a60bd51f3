import type { PublicQuestion } from '../../protocol/deck.ts';
import type { QuestionState, QuizBoard } from '../../protocol/session.ts';
import { Countdown } from '../shared/results/countdown.ts';
import { renderQuizBoard } from '../shared/results/quiz-board.ts';
import type { ServerClock } from '../shared/server-clock.ts';

/**
 * A quiz question's own parts on the projector: the countdown, large, beside the options
 * while phones answer; once the answer is out (closed and revealed), the standings beside
 * the results — the top 5, or on the deck's last quiz question, once every quiz question
 * is out, the podium.
 */
export class ProjectorQuiz {
  private readonly countdown: Countdown;
  private readonly board: HTMLElement;
  /** The options or results with the countdown or standings: what is fitted to the slide as one. */
  readonly row: HTMLElement;

  constructor(
    root: HTMLElement,
    results: HTMLElement,
    private readonly question: PublicQuestion,
    clock: ServerClock,
    /** The deck's last quiz question: where the podium goes. */
    private readonly last: boolean,
  ) {
    this.countdown = new Countdown(clock);
    this.board = document.createElement('aside');
    this.board.className = 'handsup-live-board';
    this.board.hidden = true;
    // One row: the options (then the results) on the left, the countdown (then the standings) on the right.
    const row = (this.row = document.createElement('div'));
    row.className = 'handsup-quiz-row';
    const main = document.createElement('div');
    main.className = 'handsup-quiz-main';
    const side = document.createElement('div');
    side.className = 'handsup-quiz-side';
    results.replaceWith(row);
    const options = root.querySelector('.handsup-options');
    main.append(...(options ? [options] : []), results);
    side.append(this.countdown.element, this.board);
    row.append(main, side);
  }

  update(state: QuestionState | undefined, board: QuizBoard | null): void {
    const time = this.question.type === 'quiz' ? this.question.time : 0;
    this.countdown.show(state, time);
    const answerOut = state?.status === 'closed' && state.revealed;
    const show = answerOut && board !== null && board.leaderboard.length > 0;
    this.board.hidden = !show;
    if (show) renderQuizBoard(this.board, board, { podium: this.last });
  }
}

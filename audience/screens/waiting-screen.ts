import type { PlayerScore } from '../../protocol/session.ts';
import { h } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { scoreView } from '../score-view.ts';
import { strings } from '../strings.ts';

/** Between questions: the talk's title, what is on the screen now, and the quiz score so far. */
export class WaitingScreen implements Screen {
  readonly name = 'waiting';
  readonly element: HTMLElement;
  readonly focusTarget: HTMLElement;
  private readonly slideTitle: HTMLElement;
  private readonly score = scoreView();

  constructor() {
    this.focusTarget = h('h1', { tabindex: '-1', class: 'talk-heading' });
    this.slideTitle = h('p', { class: 'slide-title' });
    this.element = h(
      'section',
      { class: 'screen waiting-screen' },
      this.focusTarget,
      h('div', { class: 'now-showing' }, h('p', { class: 'label' }, strings.waitingOnScreen), this.slideTitle),
      this.score.element,
      h('p', { class: 'hint' }, strings.waitingHint),
    );
  }

  update(deckTitle: string, slideTitle: string, score: PlayerScore | null): void {
    this.focusTarget.textContent = deckTitle;
    this.slideTitle.textContent = slideTitle || strings.waitingUntitledSlide;
    this.score.update(score, null);
  }
}

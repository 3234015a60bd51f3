import { h } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';

/** Between questions: the talk's title and what is on the screen now. */
export class WaitingScreen implements Screen {
  readonly name = 'waiting';
  readonly element: HTMLElement;
  readonly focusTarget: HTMLElement;
  private readonly slideTitle: HTMLElement;

  constructor() {
    this.focusTarget = h('h1', { tabindex: '-1', class: 'talk-heading' });
    this.slideTitle = h('p', { class: 'slide-title' });
    this.element = h(
      'section',
      { class: 'screen waiting-screen' },
      this.focusTarget,
      h('div', { class: 'now-showing' }, h('p', { class: 'label' }, strings.waitingOnScreen), this.slideTitle),
      h('p', { class: 'hint' }, strings.waitingHint),
    );
  }

  update(deckTitle: string, slideTitle: string): void {
    this.focusTarget.textContent = deckTitle;
    this.slideTitle.textContent = slideTitle || strings.waitingUntitledSlide;
  }
}

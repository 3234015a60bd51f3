import type { SlideCursor } from '../../protocol/session.ts';
import type { DeckSteps, SlideShape } from './deck-steps.ts';
import { byId } from './dom.ts';
import { strings } from './strings.ts';

/**
 * "Go to slide": every slide of the talk in reading order, the current one marked, one
 * tap or Enter away. Opened from the slide counter in the bottom bar, or with G (as in
 * reveal.js's jump-to-slide). The arrows only ever take the next step; this reaches any
 * slide, a vertical stack's inner slides included.
 */
export class SlideJump {
  private readonly dialog = byId<HTMLDialogElement>('jump-dialog');
  private readonly list = byId<HTMLOListElement>('jump-list');
  private readonly buttons = new Map<number, HTMLButtonElement>();
  private currentIndex = -1;

  constructor(
    steps: DeckSteps,
    private readonly go: (cursor: SlideCursor) => Promise<void>,
  ) {
    this.list.replaceChildren(...steps.all().map((slide) => this.item(slide, steps.startOf(slide))));
    byId('nav-position').addEventListener('click', () => this.open());
    byId('jump-close').addEventListener('click', () => this.dialog.close());
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'g' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      this.open();
    });
  }

  /** The slide the talk is on: marked in the list, and where the list opens. */
  follow(slideIndex: number): void {
    if (slideIndex === this.currentIndex) return;
    this.buttons.get(this.currentIndex)?.removeAttribute('aria-current');
    this.currentIndex = slideIndex;
    this.buttons.get(slideIndex)?.setAttribute('aria-current', 'step');
  }

  private open(): void {
    this.dialog.showModal();
    const current = this.buttons.get(this.currentIndex);
    current?.focus();
    current?.scrollIntoView({ block: 'center' });
  }

  private item(slide: SlideShape, target: SlideCursor): HTMLLIElement {
    const item = document.createElement('li');
    // A vertical stack's inner slides sit under the slide that opens the stack.
    item.className = slide.position.v > 0 ? 'console-jump-item console-jump-item--inner' : 'console-jump-item';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'console-jump-button';
    button.dataset.slideIndex = String(slide.index);
    const number = document.createElement('span');
    number.className = 'console-jump-number';
    number.textContent = String(slide.index + 1);
    const title = document.createElement('span');
    title.className = 'console-jump-title';
    title.textContent = slide.title || strings.untitledSlide;
    button.append(number, title);
    button.addEventListener('click', () => {
      this.dialog.close();
      void this.go(target);
    });
    this.buttons.set(slide.index, button);
    item.append(button);
    return item;
  }
}

import type { SlideCursor } from '../../protocol/session.ts';
import type { LiveData } from '../shared/preview-messages.ts';
import type { DeckSteps } from './deck-steps.ts';
import { byId } from './dom.ts';
import { PreviewFrame } from './preview-frame.ts';
import { strings } from './strings.ts';

/** Phones get the titles only: two more reveal.js decks would cost them more than they show. */
const WIDE_ENOUGH = '(min-width: 760px)';

/** "Now" and "Next": the current step and the one the next press shows, as titles and live previews. */
export class SlidePreviews {
  private current: PreviewFrame | undefined;
  private next: PreviewFrame | undefined;
  private cursor: SlideCursor | undefined;
  private live: LiveData | undefined;
  private readonly wide = matchMedia(WIDE_ENOUGH);

  constructor(private readonly steps: DeckSteps) {
    this.wide.addEventListener('change', () => this.cursor && this.show(this.cursor));
  }

  /** Question states and results for the frames: called with every change of the view. */
  showLive(live: LiveData): void {
    this.live = live;
    this.current?.showLive(live);
    this.next?.showLive(live);
  }

  show(cursor: SlideCursor): void {
    this.cursor = cursor;
    const slide = this.steps.slideAt(cursor);
    const following = this.steps.next(cursor);
    byId('current-title').textContent = slide ? stepTitle(slide.title, cursor.f, slide.fragments) : '';
    const nextSlide = following && this.steps.slideAt(following);
    const nextTitle = !following || !nextSlide
      ? strings.endOfTalk
      : nextSlide === slide
        ? strings.sameSlideFragment(following.f + 1, nextSlide.fragments)
        : stepTitle(nextSlide.title, following.f, nextSlide.fragments);
    byId('next-title').textContent = nextTitle;
    // The step both titles describe: what a test (or an extension) waits on, fragments included.
    document.body.dataset.step = `${cursor.h}/${cursor.v}/${cursor.f}`;
    const nextBox = byId('next-preview');
    nextBox.classList.toggle('is-end', following === undefined);

    if (!this.wide.matches) return;
    if (!this.current) {
      this.current = new PreviewFrame(byId('current-preview'), strings.currentSlideFrame, cursor);
      if (this.live) this.current.showLive(this.live);
    }
    this.current.show(cursor);
    if (following) {
      if (!this.next) {
        this.next = new PreviewFrame(nextBox, strings.nextSlideFrame, following);
        if (this.live) this.next.showLive(this.live);
      }
      this.next.show(following);
    }
  }
}

function stepTitle(title: string, f: number, fragments: number): string {
  const name = title || strings.untitledSlide;
  return fragments > 0 ? strings.stepTitle(name, f + 1, fragments) : name;
}

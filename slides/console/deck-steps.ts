import type { SlidePosition } from '../../protocol/deck.ts';
import type { SlideCursor } from '../../protocol/session.ts';

/** What navigation needs to know of a slide: where it sits and how many fragment steps it has. */
export interface SlideShape {
  index: number;
  position: SlidePosition;
  fragments: number;
  title: string;
}

/**
 * The talk's steps as reveal.js walks them with `navigationMode: 'linear'` (every key,
 * arrows included, goes through every slide in reading order, down the vertical stacks),
 * computed from the deck alone so the console can move the talk without a reveal.js of
 * its own. Every move shows or hides fragments first, then changes slide; arriving
 * backwards on a slide shows all its fragments. The NEXT preview shows `next()`, so what
 * the presenter sees coming is what the next press brings.
 */
export class DeckSteps {
  private readonly slides: SlideShape[];
  private readonly byPosition = new Map<string, SlideShape>();

  constructor(slides: readonly SlideShape[]) {
    this.slides = [...slides].sort((a, b) => a.index - b.index);
    for (const slide of this.slides) this.byPosition.set(key(slide.position.h, slide.position.v), slide);
  }

  get count(): number {
    return this.slides.length;
  }

  slideAt(cursor: { h: number; v: number }): SlideShape | undefined {
    return this.byPosition.get(key(cursor.h, cursor.v));
  }

  slideByIndex(index: number): SlideShape | undefined {
    return this.slides[index];
  }

  /** Every slide in reading order: the console's "go to slide" list. */
  all(): readonly SlideShape[] {
    return this.slides;
  }

  /** Where "go to slide" lands: the slide with none of its fragments shown. */
  startOf(slide: SlideShape): SlideCursor {
    return start(slide);
  }

  first(): SlideCursor {
    return start(this.slides[0]!);
  }

  last(): SlideCursor {
    return end(this.slides.at(-1)!);
  }

  /** Any "forward" key or button: the next fragment, else the next slide in reading order. */
  next(cursor: SlideCursor): SlideCursor | undefined {
    const slide = this.slideAt(cursor);
    if (!slide) return undefined;
    if (cursor.f < slide.fragments - 1) return { ...cursor, f: cursor.f + 1 };
    const following = this.slides[this.slides.indexOf(slide) + 1];
    return following && start(following);
  }

  /** Any "back" key or button: hide the last fragment, else the previous slide, fully shown. */
  previous(cursor: SlideCursor): SlideCursor | undefined {
    const slide = this.slideAt(cursor);
    if (!slide) return undefined;
    if (cursor.f > -1) return { ...cursor, f: cursor.f - 1 };
    const preceding = this.slides[this.slides.indexOf(slide) - 1];
    return preceding && end(preceding);
  }
}

function key(h: number, v: number): string {
  return `${h}/${v}`;
}

function start(slide: SlideShape): SlideCursor {
  return { h: slide.position.h, v: slide.position.v, f: -1 };
}

function end(slide: SlideShape): SlideCursor {
  return { h: slide.position.h, v: slide.position.v, f: slide.fragments - 1 };
}

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
 * The talk's steps as reveal.js walks them, computed from the deck alone so the console
 * can move the talk without a reveal.js of its own. Every move shows or hides fragments
 * first, then changes slide; arriving backwards on a slide shows all its fragments.
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

  first(): SlideCursor {
    return start(this.slides[0]!);
  }

  last(): SlideCursor {
    return end(this.slides.at(-1)!);
  }

  /** Space, PageDown, the remote's "next": the next fragment, else the next slide in reading order. */
  next(cursor: SlideCursor): SlideCursor | undefined {
    const slide = this.slideAt(cursor);
    if (!slide) return undefined;
    if (cursor.f < slide.fragments - 1) return { ...cursor, f: cursor.f + 1 };
    const following = this.slides[this.slides.indexOf(slide) + 1];
    return following && start(following);
  }

  /** PageUp, the remote's "back": hide the last fragment, else the previous slide, fully shown. */
  previous(cursor: SlideCursor): SlideCursor | undefined {
    const slide = this.slideAt(cursor);
    if (!slide) return undefined;
    if (cursor.f > -1) return { ...cursor, f: cursor.f - 1 };
    const preceding = this.slides[this.slides.indexOf(slide) - 1];
    return preceding && end(preceding);
  }

  /** Right arrow: the next fragment, else the top of the next column. */
  right(cursor: SlideCursor): SlideCursor | undefined {
    return this.fragmentForward(cursor) ?? this.column(cursor.h + 1, start);
  }

  /** Left arrow: hide a fragment, else the top of the previous column, fully shown. */
  left(cursor: SlideCursor): SlideCursor | undefined {
    return this.fragmentBack(cursor) ?? this.column(cursor.h - 1, end);
  }

  /** Down arrow: the next fragment, else the slide below in this column. */
  down(cursor: SlideCursor): SlideCursor | undefined {
    const below = this.slideAt({ h: cursor.h, v: cursor.v + 1 });
    return this.fragmentForward(cursor) ?? (below && start(below));
  }

  /** Up arrow: hide a fragment, else the slide above in this column, fully shown. */
  up(cursor: SlideCursor): SlideCursor | undefined {
    const above = this.slideAt({ h: cursor.h, v: cursor.v - 1 });
    return this.fragmentBack(cursor) ?? (above && end(above));
  }

  private fragmentForward(cursor: SlideCursor): SlideCursor | undefined {
    const slide = this.slideAt(cursor);
    return slide && cursor.f < slide.fragments - 1 ? { ...cursor, f: cursor.f + 1 } : undefined;
  }

  private fragmentBack(cursor: SlideCursor): SlideCursor | undefined {
    return this.slideAt(cursor) && cursor.f > -1 ? { ...cursor, f: cursor.f - 1 } : undefined;
  }

  private column(h: number, arrive: (slide: SlideShape) => SlideCursor): SlideCursor | undefined {
    const top = this.slideAt({ h, v: 0 });
    return top && arrive(top);
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

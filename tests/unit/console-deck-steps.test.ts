import { describe, expect, it } from 'vitest';
import { DeckSteps, type SlideShape } from '../../slides/console/deck-steps.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';

function slide(index: number, h: number, v: number, fragments = 0): SlideShape {
  return { index, position: { h, v }, fragments, title: `S${index}` };
}

// Column 0: one slide with 2 fragments; column 1: a stack of three; column 2: one slide.
const steps = new DeckSteps([slide(0, 0, 0, 2), slide(1, 1, 0), slide(2, 1, 1, 1), slide(3, 1, 2), slide(4, 2, 0)]);
const at = (h: number, v: number, f = -1) => ({ h, v, f });

describe("DeckSteps: moving the talk from the console as reveal.js's linear navigation would", () => {
  it('next: fragments first, then every slide in reading order, down the stacks; nothing after the end', () => {
    const walked = [at(0, 0)];
    for (let next = steps.next(walked[0]!); next; next = steps.next(next)) walked.push(next);
    expect(walked).toEqual([at(0, 0), at(0, 0, 0), at(0, 0, 1), at(1, 0), at(1, 1), at(1, 1, 0), at(1, 2), at(2, 0)]);
  });

  it('previous: hides fragments, then arrives on the previous slide with all its fragments shown', () => {
    expect(steps.previous(at(1, 0))).toEqual(at(0, 0, 1));
    expect(steps.previous(at(0, 0, 1))).toEqual(at(0, 0, 0));
    expect(steps.previous(at(1, 2))).toEqual(at(1, 1, 0));
    expect(steps.previous(at(0, 0))).toBeUndefined();
  });

  it('the go-to-slide list: every slide in reading order, each reached with none of its fragments shown', () => {
    expect(steps.all().map((shape) => shape.index)).toEqual([0, 1, 2, 3, 4]);
    expect(steps.startOf(steps.all()[2]!)).toEqual(at(1, 1));
  });

  it('first and last; an unknown position goes nowhere', () => {
    expect(steps.first()).toEqual(at(0, 0));
    expect(steps.last()).toEqual(at(2, 0));
    expect(steps.next(at(7, 0))).toBeUndefined();
  });

  it('walks the whole built-in talk: every slide once, every fragment step once', () => {
    const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
    const talk = new DeckSteps(deck.slides);
    let count = 0;
    const seen = new Set<number>();
    for (let cursor: ReturnType<DeckSteps['next']> = talk.first(); cursor; cursor = talk.next(cursor)) {
      count += 1;
      seen.add(talk.slideAt(cursor)!.index);
    }
    expect(seen.size).toBe(deck.slides.length);
    expect(count).toBe(deck.slides.reduce((sum, slide) => sum + 1 + slide.fragments, 0));
  });
});

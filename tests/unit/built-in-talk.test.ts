import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';

/**
 * The built-in talk against its source, Jeff Hexter's article (issue 13, item 14): what
 * the slides and notes may claim, and a time plan that adds up.
 */
const { deck, problems } = compileDeckFile(DEFAULT_DECK_FILE);
const source = readFileSync(DEFAULT_DECK_FILE, 'utf8');
/** Notes as text, without their HTML. */
const notes = deck.slides.map((slide) => slide.notes.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
const question = (id: string) => deck.questions.find((candidate) => candidate.id === id)!;

describe('the built-in talk', () => {
  it('compiles, with speaker notes on every slide', () => {
    expect(problems).toEqual([]);
    notes.forEach((text, index) => expect(text.trim().length, `slide ${index + 1} has no notes`).toBeGreaterThan(40));
  });

  it('has a time plan whose slides add up to the total the first slide states', () => {
    const planned = Number(/Plan for (\d+) minutes/.exec(notes[0]!)?.[1]);
    // A stack's top slide gives the stack's minutes and its own share ("1 here"); other slides their own.
    const perSlide = notes.map((text, index) => {
      const own = /(\d+) here\b/.exec(text) ?? /\b(\d+) minutes?\b/.exec(text);
      expect(own, `slide ${index + 1}: its notes give no minutes`).not.toBeNull();
      return Number(own![1]);
    });
    expect(perSlide.reduce((sum, minutes) => sum + minutes, 0)).toBe(planned);
    expect(planned).toBe(50);
  });

  it('claims of the article only what Part I says', () => {
    // Part I ends "I'll deal with more in the next email": no Part II, no view on disconnects 2 and 3.
    expect(source).not.toMatch(/Part II|picks up where|next part of his series/i);
    // Unfamiliarity: college and his kids' school, not "nobody was ever taught it".
    expect(source).not.toMatch(/nobody was ever taught/i);
    expect(source).toMatch(/zero evidence that it is taught at college level/);
    // Bad past experiences belong to disconnect 1.
    expect(source).not.toMatch(/park the point for disconnect 2|that's where disconnect 2 comes in/i);
    // No show of hands: the phones are the tool.
    expect(source).not.toMatch(/show of hands/i);
    // No promise the quiz does not keep.
    expect(source).not.toMatch(/aren't tied to names/i);
  });

  it('keeps answers off the screen until the presenter has moderated them, and the closing poll unswayed', () => {
    expect(['presenter-only', 'after-vote']).toContain(question('if-no-one-is-buying').results);
    expect(question('hate-networking').results).toBe('after-vote');
    expect(question('hate-networking-after').results).toBe('after-vote');
  });

  it('tells the quiz its nicknames, points and podium, and says on its last slide where the article is', () => {
    const quizIntro = notes[deck.slides.findIndex((slide) => slide.title.startsWith('Quiz'))]!;
    for (const word of [/nickname/i, /points/i, /podium/i]) expect(quizIntro).toMatch(word);
    const last = deck.slides.at(-1)!.html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    expect(last).toContain('Three Networking "Disconnects" and some corrections to them, Part I');
    expect(last).toContain('Jeff Hexter');
  });
});

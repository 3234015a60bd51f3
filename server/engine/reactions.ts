import type { Reaction, ReactionCounts, SlideReactions } from '../../protocol/session.ts';

/**
 * Reaction counts per slide. Single reactions are not kept: the projector floats them as
 * they come, and what lasts (and survives a restart) is how many each slide got.
 */
export class ReactionTally {
  private readonly bySlide = new Map<number, ReactionCounts>();

  add(slideIndex: number, emoji: Reaction, count = 1): void {
    let counts = this.bySlide.get(slideIndex);
    if (!counts) this.bySlide.set(slideIndex, (counts = {}));
    counts[emoji] = (counts[emoji] ?? 0) + count;
  }

  /** Adds counts as stored or as another node committed them. */
  addCounts(bursts: readonly SlideReactions[]): void {
    for (const { slideIndex, counts } of bursts) {
      for (const [emoji, count] of Object.entries(counts)) this.add(slideIndex, emoji as Reaction, count);
    }
  }

  totals(slideIndex: number): ReactionCounts {
    return { ...this.bySlide.get(slideIndex) };
  }

  all(): SlideReactions[] {
    return [...this.bySlide]
      .sort(([a], [b]) => a - b)
      .map(([slideIndex, counts]) => ({ slideIndex, counts: { ...counts } }));
  }
}

/** Reactions: the emoji a phone may send on any slide, and how they are counted and sent on. */

/** The emoji a phone may react with, on any slide. */
export const REACTIONS = ['👏', '❤️', '😂', '😮', '🤔', '👍'] as const;
export type Reaction = (typeof REACTIONS)[number];
export type ReactionCounts = Partial<Record<Reaction, number>>;

export interface SlideReactions {
  slideIndex: number;
  counts: ReactionCounts;
}

/** Reactions since the last burst (a few a second at most), and the slide's totals so far. */
export interface ReactionBurst {
  slideIndex: number;
  counts: ReactionCounts;
  totals: ReactionCounts;
}

import type { Question } from '../../protocol/deck.ts';
import type { PresenterView } from '../../protocol/session.ts';

/**
 * The part of the question panel that depends on the question's type: the quiz's
 * countdown and standings, the moderation queues, the Q&A list.
 */
export interface TypeSection {
  /** What goes above the shared chart (a countdown), and below it (standings, a moderation list). */
  readonly before?: HTMLElement;
  readonly after?: HTMLElement;
  /** The section is the results (a moderation queue): the shared chart is left out. */
  readonly replacesResults: boolean;
  update(view: PresenterView, question: Question): void;
  /** The question left the panel: stop any timers. */
  dispose(): void;
}

/** "2 waiting · 5 on screen · 1 hidden": counts by state, in words. */
export function countsLine(counts: [number, string][]): string {
  return counts
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(' · ');
}

import { REACTIONS, type PresenterView, type ReactionCounts } from '../../protocol/session.ts';
import type { DeckSteps } from './deck-steps.ts';
import { byId, textElement } from './dom.ts';
import { strings } from './strings.ts';

function total(counts: ReactionCounts): number {
  return REACTIONS.reduce((sum, emoji) => sum + (counts[emoji] ?? 0), 0);
}

function countsLine(counts: ReactionCounts): string {
  return REACTIONS.filter((emoji) => (counts[emoji] ?? 0) > 0)
    .map((emoji) => `${emoji} ${counts[emoji]}`)
    .join('  ');
}

/**
 * How the room reacts: the current slide's counts per emoji, large, and the other slides
 * that got reactions, so the presenter sees afterwards where the room woke up.
 */
export class ReactionsPanel {
  private readonly current = byId('reactions-current');
  private readonly others = byId('reactions-slides');
  private readonly summary = byId('reactions-summary');
  private signature = '';

  constructor(private readonly steps: DeckSteps) {
    this.current.replaceChildren(
      ...REACTIONS.map((emoji) => {
        const item = document.createElement('li');
        item.className = 'console-reaction';
        item.dataset.emoji = emoji;
        item.append(textElement('span', 'console-reaction-emoji', emoji), textElement('strong', 'console-reaction-count', '0'));
        return item;
      }),
    );
  }

  update(view: PresenterView): void {
    const signature = JSON.stringify([view.slideIndex, view.reactions]);
    if (signature === this.signature) return;
    this.signature = signature;
    const here = view.reactions.find((slide) => slide.slideIndex === view.slideIndex)?.counts ?? {};
    for (const item of this.current.querySelectorAll<HTMLElement>('.console-reaction')) {
      const count = here[item.dataset.emoji as keyof ReactionCounts] ?? 0;
      item.querySelector('.console-reaction-count')!.textContent = String(count);
      item.dataset.count = String(count);
    }
    const all = view.reactions.reduce((sum, slide) => sum + total(slide.counts), 0);
    this.summary.textContent = all === 0 ? strings.noReactions : strings.reactionsSummary(total(here), all);
    this.others.replaceChildren(
      ...view.reactions
        .filter((slide) => slide.slideIndex !== view.slideIndex && total(slide.counts) > 0)
        .map((slide) => {
          const item = document.createElement('li');
          item.className = 'console-reaction-slide';
          const title = this.steps.slideByIndex(slide.slideIndex)?.title || strings.untitledSlide;
          item.append(
            textElement('span', 'console-reaction-slide-title', `${slide.slideIndex + 1}. ${title}`),
            ' ',
            textElement('span', 'console-reaction-slide-counts', countsLine(slide.counts)),
          );
          return item;
        }),
    );
  }
}

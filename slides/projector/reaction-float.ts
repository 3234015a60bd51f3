import { REACTIONS, type ReactionBurst, type ReactionCounts } from '../../protocol/session.ts';

/** On screen at once, at most: a room of hundreds clapping must not bury the slide. */
const IN_FLIGHT = 24;
/** Drawn per burst (a few bursts a second), at most: the rest are counted, not drawn. */
const PER_BURST = 6;
const RISE_MS = 3200;

/**
 * Reactions from the phones on the projector: each burst floats a few emoji up from the
 * bottom right corner, and fades them out. With reduced motion there is no movement: a
 * quiet counter of the slide's totals instead. Only the current slide's reactions show.
 */
export class ReactionFloat {
  private readonly layer: HTMLElement;
  private readonly counter: HTMLElement;
  private slideIndex = -1;
  private inFlight = 0;

  constructor(private readonly still: boolean) {
    this.layer = document.createElement('div');
    this.layer.className = 'handsup-reactions';
    this.layer.setAttribute('aria-hidden', 'true');
    this.counter = document.createElement('p');
    this.counter.className = 'handsup-reaction-totals';
    this.counter.hidden = true;
    document.body.append(this.layer, this.counter);
  }

  /** The talk moved: the counter starts over (it shows the new slide's totals from its next burst). */
  showSlide(slideIndex: number): void {
    if (slideIndex === this.slideIndex) return;
    this.slideIndex = slideIndex;
    this.counter.hidden = true;
    this.counter.replaceChildren();
  }

  burst(burst: ReactionBurst): void {
    if (burst.slideIndex !== this.slideIndex) return;
    if (this.still) this.showTotals(burst.totals);
    else this.float(burst.counts);
  }

  private showTotals(totals: ReactionCounts): void {
    const parts = REACTIONS.filter((emoji) => (totals[emoji] ?? 0) > 0).map((emoji) => {
      const item = document.createElement('span');
      item.className = 'handsup-reaction-total';
      item.textContent = `${emoji} ${totals[emoji]}`;
      return item;
    });
    this.counter.replaceChildren(...parts.flatMap((part, index) => (index === 0 ? [part] : [' ', part])));
    this.counter.hidden = parts.length === 0;
  }

  private float(counts: ReactionCounts): void {
    // Every kind sent gets at least one, in proportion up to the burst's share.
    const sent = REACTIONS.flatMap((emoji) => Array.from({ length: counts[emoji] ?? 0 }, () => emoji));
    const room = Math.min(PER_BURST, IN_FLIGHT - this.inFlight);
    if (room <= 0 || sent.length === 0) return;
    const step = sent.length / Math.min(room, sent.length);
    for (let index = 0; index < Math.min(room, sent.length); index += 1) {
      this.launch(sent[Math.floor(index * step)]!, index);
    }
  }

  private launch(emoji: string, order: number): void {
    const node = document.createElement('span');
    node.className = 'handsup-reaction-float';
    node.textContent = emoji;
    // Spread across the corner, a little staggered, each swaying its own way.
    node.style.setProperty('--handsup-reaction-x', `${Math.round(Math.random() * 18)}vw`);
    node.style.setProperty('--handsup-reaction-sway', `${Math.round((Math.random() - 0.5) * 8)}vw`);
    node.style.animationDelay = `${order * 90}ms`;
    node.style.animationDuration = `${RISE_MS}ms`;
    this.inFlight += 1;
    const done = () => {
      if (!node.isConnected) return;
      node.remove();
      this.inFlight -= 1;
    };
    node.addEventListener('animationend', done, { once: true });
    // If the page is in the background, animations pause: the emoji still goes.
    setTimeout(done, RISE_MS + order * 90 + 500);
    this.layer.append(node);
  }
}

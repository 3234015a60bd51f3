import type { Reaction, ReactionCounts, SlideReactions } from '../../protocol/session.ts';

/**
 * Gathers reactions for a short interval and hands them over per slide in one go, so a
 * room full of applause costs a few messages and writes a second, not one per tap.
 */
export class ReactionBatcher {
  private pending = new Map<number, ReactionCounts>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (bursts: SlideReactions[]) => void,
  ) {}

  add(slideIndex: number, emoji: Reaction): void {
    const counts = this.pending.get(slideIndex) ?? {};
    counts[emoji] = (counts[emoji] ?? 0) + 1;
    this.pending.set(slideIndex, counts);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const bursts = [...this.pending].map(([slideIndex, counts]) => ({ slideIndex, counts }));
    this.pending = new Map();
    this.deliver(bursts);
  }
}

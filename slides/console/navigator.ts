import type { SlideCursor } from '../../protocol/session.ts';
import type { DeckSteps } from './deck-steps.ts';
import { byId } from './dom.ts';

export type Move = 'next' | 'previous' | 'first' | 'last';

/**
 * reveal.js's keys, plus what presenter remotes send (PageUp/PageDown). As in reveal.js's
 * `navigationMode: 'linear'`, every arrow walks the talk in reading order: → never skips a
 * vertical stack, so the next press always brings what the NEXT preview shows.
 */
const KEYS: Record<string, Move> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  ' ': 'next',
  PageDown: 'next',
  PageUp: 'previous',
  n: 'next',
  l: 'next',
  j: 'next',
  p: 'previous',
  h: 'previous',
  k: 'previous',
  Home: 'first',
  End: 'last',
};

export type SendMove = (cursor: SlideCursor) => Promise<void>;

/**
 * Moves the talk from the console: keys and the Back/Next buttons become `slide:go`
 * with the position computed from the deck. Presses made before the server answered
 * build on the position already asked for, so a fast double press moves twice.
 */
export class Navigator {
  private cursor: SlideCursor | undefined;
  private serverCursor: SlideCursor | undefined;
  private inFlight = 0;

  constructor(
    private readonly steps: DeckSteps,
    private readonly send: SendMove,
  ) {
    document.addEventListener('keydown', (event) => this.onKey(event));
    byId('go-previous').addEventListener('click', () => void this.go('previous'));
    byId('go-next').addEventListener('click', () => void this.go('next'));
  }

  /** The server's position: the truth whenever no move of ours is still on its way. */
  follow(cursor: SlideCursor): void {
    this.serverCursor = cursor;
    if (this.inFlight === 0) this.cursor = cursor;
    byId<HTMLButtonElement>('go-previous').disabled = this.steps.previous(cursor) === undefined;
    byId<HTMLButtonElement>('go-next').disabled = this.steps.next(cursor) === undefined;
  }

  async go(move: Move): Promise<void> {
    if (!this.cursor) return;
    const target = this.target(move, this.cursor);
    if (target) await this.goTo(target);
  }

  /** Any step of the talk: a key's, or a slide picked in the "go to slide" list. */
  async goTo(target: SlideCursor): Promise<void> {
    this.cursor = target;
    this.inFlight += 1;
    try {
      await this.send(target);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.serverCursor) this.cursor = this.serverCursor;
    }
  }

  private target(move: Move, from: SlideCursor): SlideCursor | undefined {
    switch (move) {
      case 'next':
        return this.steps.next(from);
      case 'previous':
        return this.steps.previous(from);
      case 'first':
        return this.steps.first();
      case 'last':
        return this.steps.last();
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    // A dialog (the reset confirmation) keeps its keys; so do text fields.
    if (document.querySelector('dialog[open]')) return;
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')) return;
    const move = event.key === ' ' && event.shiftKey ? 'previous' : KEYS[event.key];
    if (!move) return;
    // Space would also press a focused button: in the console it always means "next".
    event.preventDefault();
    void this.go(move);
  }
}

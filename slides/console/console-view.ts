import type { PresenterView, QuestionState, ReactionBurst, Results } from '../../protocol/session.ts';
import { ServerClock } from '../shared/server-clock.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'refused';

/**
 * The console's copy of the talk: the presenter view from the server, kept current by
 * the smaller `results` and `participants` events. The server is the truth; a reload
 * or a reconnect gets a whole new view.
 */
export class ConsoleView {
  view: PresenterView | undefined;
  connection: Connection = 'connecting';
  /** Quiz countdowns run on the server's clock. */
  readonly clock = new ServerClock();
  private readonly listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setView(view: PresenterView): void {
    this.view = view;
    this.clock.sync(view.serverTime);
    this.changed();
  }

  /** A burst of reactions carries the slide's new totals. */
  applyReactions(burst: ReactionBurst): void {
    if (!this.view) return;
    const others = this.view.reactions.filter((slide) => slide.slideIndex !== burst.slideIndex);
    this.view.reactions = [...others, { slideIndex: burst.slideIndex, counts: burst.totals }].sort((a, b) => a.slideIndex - b.slideIndex);
    this.changed();
  }

  applyResults(results: Results, state: QuestionState): void {
    if (!this.view) return;
    this.view.results[results.questionId] = results;
    this.view.questions[state.questionId] = state;
    this.changed();
  }

  applyParticipants(count: number): void {
    if (!this.view) return;
    this.view.participants = count;
    this.changed();
  }

  setConnection(connection: Connection): void {
    this.connection = connection;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

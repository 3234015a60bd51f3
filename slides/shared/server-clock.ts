import type { QuestionState } from '../../protocol/session.ts';

/**
 * The server's clock as seen from this page. Quiz countdowns end at the server's
 * `closesAt`; a laptop or projector whose clock is a few seconds off would otherwise show
 * a countdown that disagrees with the phones. Every view carries `serverTime`: the
 * difference to the local clock when it arrived is kept and applied.
 */
export class ServerClock {
  private offset = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** Called with each view's serverTime as it arrives. */
  sync(serverTime: number): void {
    this.offset = serverTime - this.localNow();
  }

  now(): number {
    return this.localNow() + this.offset;
  }

  /** Milliseconds of an open quiz question's read phase still to go (0 once answers are open), or undefined when none runs. */
  untilAnswers(state: QuestionState | undefined): number | undefined {
    if (!state || state.status !== 'open' || state.answersOpenAt === undefined) return undefined;
    return Math.max(0, state.answersOpenAt - this.now());
  }

  /** Milliseconds left on an open quiz question, or undefined when no countdown runs. */
  remaining(state: QuestionState | undefined): number | undefined {
    if (!state || state.status !== 'open' || state.closesAt === undefined) return undefined;
    return Math.max(0, state.closesAt - this.now());
  }
}

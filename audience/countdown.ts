import type { QuestionState } from '../protocol/session.ts';
import { h } from './dom.ts';
import { strings } from './strings.ts';

export interface Countdown {
  readonly element: HTMLElement;
  update(state: QuestionState, serverNow: () => number): void;
}

/**
 * A quiz's time left, counted to the server's closesAt on the server's clock (the phone's
 * own clock may be off); during the read phase, the seconds until answers open instead.
 * Says once, aloud, when time is nearly up: 5 seconds before the end, or halfway through
 * a very short question. The bar moves in whole seconds; with
 * reduced motion it steps instead of gliding (the stylesheet drops the transition).
 */
export function countdown(seconds: number, say: (message: string) => void): Countdown {
  const text = h('span');
  const fill = h('span', { class: 'bar-fill' });
  const element = h('p', { class: 'timer', role: 'timer' }, text, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill));
  const warnAt = Math.min(5, Math.floor(seconds / 2));
  let timer: ReturnType<typeof setInterval> | undefined;
  /** The countdown the warning was decided for, and whether it was given (or not worth giving). */
  let warnedFor: number | undefined;
  let warned = false;
  return {
    element,
    update(state, serverNow) {
      clearInterval(timer);
      const { closesAt, answersOpenAt } = state;
      element.hidden = state.status !== 'open' || closesAt === undefined;
      if (closesAt === undefined || element.hidden) return;
      const tick = (): number => {
        // No read phase (answersOpenAt undefined): NaN, never above 0.
        const reading = Math.ceil((answersOpenAt! - serverNow()) / 1000);
        if (reading > 0) {
          text.textContent = strings.readLeft(reading);
          fill.style.width = '100%';
          return reading;
        }
        const left = Math.max(0, Math.ceil((closesAt - serverNow()) / 1000));
        text.textContent = strings.timeLeft(left);
        fill.style.width = `${Math.min(100, (left / seconds) * 100)}%`;
        if (warnedFor !== closesAt) {
          // Seen for the first time with little time left: the question was just announced, no more talk.
          warnedFor = closesAt;
          warned = left <= warnAt;
        } else if (!warned && left <= warnAt) {
          warned = true;
          say(strings.announceTimeRunningOut(left));
        }
        if (left === 0 || !element.isConnected) clearInterval(timer);
        return left;
      };
      // The first tick runs before the screen is shown; the ticks after it stop once the screen is gone.
      if (tick() > 0) timer = setInterval(tick, 250);
    },
  };
}

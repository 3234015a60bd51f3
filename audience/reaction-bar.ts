import { REACTIONS, type Reaction } from '../protocol/session.ts';
import { h } from './dom.ts';
import { strings } from './strings.ts';

/** How long the bar rests after the server says the phone is reacting too fast. */
const SLOW_DOWN_MS = 2000;

/**
 * The small row of reactions fixed to the bottom of the waiting and question screens
 * (the page leaves room for it, so it never covers an answer). A tap sends one; when the
 * server's rate limit says no, the bar rests a moment and says so, gently.
 * send: resolves with the refusal's code, or null when the reaction went out.
 */
export function reactionBar(send: (emoji: Reaction) => Promise<string | null>, say: (message: string) => void): HTMLElement {
  const note = h('p', { class: 'reaction-note', hidden: true }, strings.reactionsSlow);
  let resting = false;
  const buttons = REACTIONS.map((emoji) => {
    const button = h('button', { type: 'button', class: 'secondary reaction' }, emoji);
    button.addEventListener('click', async () => {
      if (resting) return;
      const refusal = await send(emoji);
      if (refusal === 'rate_limited') rest();
      else if (refusal === null) {
        // Restarts the little pop that says it went (none with reduced motion).
        button.classList.remove('sent');
        void button.offsetWidth;
        button.classList.add('sent');
      }
    });
    return button;
  });
  // Resting buttons stay focusable (aria-disabled, not disabled): focus is not lost mid-tap.
  const rest = () => {
    resting = true;
    note.hidden = false;
    for (const button of buttons) button.setAttribute('aria-disabled', 'true');
    say(strings.reactionsSlow);
    setTimeout(() => {
      resting = false;
      note.hidden = true;
      for (const button of buttons) button.removeAttribute('aria-disabled');
    }, SLOW_DOWN_MS);
  };
  // A landmark of its own (it sits outside <main>), named for what it is for.
  return h('aside', { class: 'reactions', 'aria-label': strings.reactionsLabel }, note, ...buttons);
}

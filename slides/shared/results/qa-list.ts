import type { QaEntry } from '../../../protocol/session.ts';
import { element, moreLine, plural } from './dom.ts';
import { markStatus } from './entry-status.ts';
import type { ResultsRenderer } from './types.ts';

/** The top few under the pinned one: what a room can take in while the presenter answers. */
const SHOWN = 5;

function votes(entry: QaEntry): HTMLElement {
  return element('span', 'handsup-qa-votes', plural(entry.votes, 'vote', 'votes'));
}

function pinnedBlock(entry: QaEntry): HTMLElement {
  const block = element('div', 'handsup-qa-pinned');
  // The spaces keep it readable as one line of text (copying, screen readers, the PDF's text).
  block.append(element('p', 'handsup-qa-pinned-label', 'Now answering'), ' ', element('p', 'handsup-qa-pinned-text', entry.text), ' ', votes(entry));
  if (entry.answered) block.append(' ', element('span', 'handsup-qa-mark', 'answered'));
  markStatus(block, entry.status);
  return block;
}

/**
 * The audience's questions in the server's order: the pinned one large on top (the one the
 * presenter is answering), then the most upvoted few; answered ones marked. The record
 * lists every question alike: "now answering" only means something in the room.
 */
export const qaListRenderer: ResultsRenderer<'questions'> = {
  render(body, _question, results, _animate, record) {
    const questions = results?.questions ?? [];
    if (questions.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No questions yet'));
      return;
    }
    const pinned = record ? undefined : questions.find((entry) => entry.pinned);
    const rest = questions.filter((entry) => entry !== pinned);
    const shown = record ? rest.length : SHOWN;
    const parts: HTMLElement[] = [];
    if (pinned) parts.push(pinnedBlock(pinned));
    if (rest.length > 0) {
      const list = element('ol', 'handsup-qa');
      for (const entry of rest.slice(0, shown)) {
        const item = element('li', 'handsup-qa-item');
        item.append(votes(entry), ' ', element('span', 'handsup-qa-text', entry.text));
        if (entry.answered) {
          item.classList.add('is-answered');
          item.append(' ', element('span', 'handsup-qa-mark', 'answered'));
        }
        markStatus(item, entry.status);
        list.append(item);
      }
      parts.push(list);
    }
    const more = moreLine('handsup-results-more', rest.length - shown, 'questions');
    if (more) parts.push(more);
    body.replaceChildren(...parts);
  },
};

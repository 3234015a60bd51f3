import { element, moreLine, plural } from './dom.ts';
import { markStatus } from './entry-status.ts';
import type { ResultsRenderer } from './types.ts';

const SHOWN = 20;

/** The audience's questions in the server's order: the pinned one first, then most upvoted; answered ones marked. */
export const qaListRenderer: ResultsRenderer<'qa'> = {
  render(body, _question, results) {
    const questions = results?.questions ?? [];
    if (questions.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No questions yet'));
      return;
    }
    const list = element('ol', 'handsup-qa');
    for (const question of questions.slice(0, SHOWN)) {
      const item = element('li', 'handsup-qa-item');
      item.append(element('span', 'handsup-qa-votes', plural(question.votes, 'vote', 'votes')), ' ', element('span', 'handsup-qa-text', question.text));
      if (question.pinned) {
        item.classList.add('is-pinned');
        item.append(' ', element('span', 'handsup-qa-mark', 'on screen'));
      }
      if (question.answered) {
        item.classList.add('is-answered');
        item.append(' ', element('span', 'handsup-qa-mark', 'answered'));
      }
      markStatus(item, question.status);
      list.append(item);
    }
    body.replaceChildren(...[list, moreLine('handsup-results-more', questions.length - SHOWN, 'questions')].filter((node) => node !== undefined));
  },
};

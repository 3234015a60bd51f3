import { element, moreLine, plural } from './dom.ts';
import type { ResultsRenderer } from './types.ts';

const SHOWN = 20;

/** The audience's questions, most upvoted first; answered ones go to the end, marked. */
export const qaListRenderer: ResultsRenderer<'qa'> = {
  render(body, _question, results) {
    const questions = [...(results?.questions ?? [])].sort(
      (a, b) => Number(a.answered) - Number(b.answered) || b.votes - a.votes,
    );
    if (questions.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No questions yet'));
      return;
    }
    const list = element('ol', 'handsup-qa');
    for (const question of questions.slice(0, SHOWN)) {
      const item = element('li', question.answered ? 'handsup-qa-item is-answered' : 'handsup-qa-item');
      item.append(element('span', 'handsup-qa-votes', plural(question.votes, 'vote', 'votes')), ' ', element('span', 'handsup-qa-text', question.text));
      if (question.answered) item.append(' ', element('span', 'handsup-qa-answered', 'answered'));
      list.append(item);
    }
    body.replaceChildren(...[list, moreLine('handsup-results-more', questions.length - SHOWN, 'questions')].filter((node) => node !== undefined));
  },
};

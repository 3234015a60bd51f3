import { element, moreLine } from './dom.ts';
import type { ResultsRenderer } from './types.ts';

const SHOWN = 30;

/** Open text answers the presenter let through, as a list of quotes (newest last). */
export const textListRenderer: ResultsRenderer<'text'> = {
  render(body, _question, results) {
    const answers = results?.answers ?? [];
    if (answers.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No answers shown yet'));
      return;
    }
    const list = element('ul', 'handsup-texts');
    for (const answer of answers.slice(-SHOWN)) list.append(element('li', 'handsup-text', answer.text));
    body.replaceChildren(...[list, moreLine('handsup-results-more', answers.length - SHOWN, 'answers')].filter((node) => node !== undefined));
  },
};

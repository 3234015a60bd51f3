import { element, moreLine } from './dom.ts';
import { markStatus } from './entry-status.ts';
import type { ResultsRenderer } from './types.ts';

const SHOWN = 30;

/**
 * Open text answers as a list of quotes, in the server's order (newest first; the
 * presenter's waiting ones on top). A screen shows the first few; the record, all.
 */
export const textListRenderer: ResultsRenderer<'answers'> = {
  render(body, _question, results, _animate, record) {
    const answers = results?.answers ?? [];
    if (answers.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No answers shown yet'));
      return;
    }
    const list = element('ul', 'handsup-texts');
    const shown = record ? answers.length : SHOWN;
    for (const answer of answers.slice(0, shown)) {
      const item = element('li', 'handsup-text');
      item.append(element('span', 'handsup-text-body', answer.text));
      markStatus(item, answer.status);
      list.append(item);
    }
    body.replaceChildren(...[list, moreLine('handsup-results-more', answers.length - shown, 'answers')].filter((node) => node !== undefined));
  },
};

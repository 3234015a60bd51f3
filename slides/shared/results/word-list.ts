import { element, moreLine } from './dom.ts';
import type { ResultsRenderer } from './types.ts';

const SHOWN = 40;

/**
 * Words as a list, most frequent first, each with its count; bigger type for more
 * frequent words hints at a cloud. A real word cloud can replace this module alone.
 */
export const wordListRenderer: ResultsRenderer<'wordcloud'> = {
  render(body, _question, results) {
    const words = [...(results?.words ?? [])].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
    if (words.length === 0) {
      body.replaceChildren(element('p', 'handsup-results-empty', 'No words yet'));
      return;
    }
    const top = words[0]!.count;
    const list = element('ol', 'handsup-words');
    for (const { word, count } of words.slice(0, SHOWN)) {
      const item = element('li', 'handsup-word');
      item.style.setProperty('--handsup-word-weight', (count / top).toFixed(2));
      item.append(element('span', 'handsup-word-text', word), ' ', element('span', 'handsup-word-count', String(count)));
      list.append(item);
    }
    body.replaceChildren(...[list, moreLine('handsup-results-more', words.length - SHOWN, 'words')].filter((node) => node !== undefined));
  },
};

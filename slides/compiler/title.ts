/** A slide's title: the text of its first h1, h2 or h3, as the waiting screen shows it. */
import { descendantElements, textContentOf, type DomNode } from './slide-dom.ts';

const TITLE_HEADINGS = new Set(['h1', 'h2', 'h3']);

export function firstHeadingText(root: DomNode): string {
  const heading = descendantElements(root).find((element) => TITLE_HEADINGS.has(element.tagName));
  return heading ? textContentOf(heading).replace(/\s+/g, ' ').trim() : '';
}

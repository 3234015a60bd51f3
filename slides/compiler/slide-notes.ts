/**
 * Speaker notes written in the slide itself: every `<aside class="notes">` (reveal.js's
 * own form, at any depth) and a `data-notes` attribute on the slide. They are taken out
 * of the slide, so nothing of them reaches the projector or a phone; the console gets
 * them, joined the way reveal.js's getSlideNotes joins them.
 */
import {
  classListOf,
  descendantElements,
  getAttribute,
  removeAttribute,
  removeNode,
  serializeSlide,
  type DomElement,
  type DomNode,
} from './slide-dom.ts';

export function takeAsideNotes(root: DomNode): string[] {
  const asides = descendantElements(root).filter(
    (element) => element.tagName === 'aside' && classListOf(element).includes('notes'),
  );
  const notes = asides.map((aside) => serializeSlide(aside).trim());
  for (const aside of asides) removeNode(aside);
  return notes;
}

/** reveal.js prefers a slide's data-notes over its asides; both leave the public slide. */
export function takeDataNotes(slide: DomElement): string | null {
  const notes = getAttribute(slide, 'data-notes');
  removeAttribute(slide, 'data-notes');
  return notes;
}

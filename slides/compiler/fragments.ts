/**
 * How many times the presenter presses "next" before leaving a slide, counted the way
 * reveal.js 6 counts on the projector:
 *   - every element with the class `fragment`; fragments sharing a data-fragment-index
 *     are one step, each fragment without one is a step of its own (sortFragments);
 *   - a code block with highlight steps (`data-line-numbers="1|3-5"`) gets one extra
 *     fragment per step after the first from reveal.js's highlight plugin, numbered on
 *     from the block's own data-fragment-index when it has one.
 */
import { classListOf, descendantElements, getAttribute, textContentOf, type DomElement, type DomNode } from './slide-dom.ts';

/** reveal.js's highlight plugin: steps split on `|`, whitespace ignored. */
export function highlightStepCount(lineNumbers: string): number {
  return lineNumbers.replace(/\s/g, '').split('|').length;
}

function isHighlightedCode(element: DomElement, ancestors: ReadonlySet<DomElement>): boolean {
  if (element.tagName !== 'code' || getAttribute(element, 'data-line-numbers') === null) return false;
  if (textContentOf(element).trim() === '') return false;
  let parent = element.parentNode;
  while (parent && 'tagName' in parent) {
    if (parent.tagName === 'pre' && ancestors.has(parent)) return true;
    parent = parent.parentNode;
  }
  return false;
}

/** parseInt as reveal.js reads data-fragment-index; NaN and negatives fall out of its ordering. */
function fragmentIndex(element: DomElement): number | null | undefined {
  const written = getAttribute(element, 'data-fragment-index');
  if (written === null) return undefined;
  const index = Number.parseInt(written, 10);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

export function countFragmentSteps(root: DomNode): number {
  const elements = descendantElements(root);
  const inSlide = new Set(elements);
  const indices = new Set<number>();
  let withoutIndex = 0;
  const addStep = (index: number | null | undefined): void => {
    if (index === undefined) withoutIndex += 1;
    else if (index !== null) indices.add(index);
  };

  for (const element of elements) {
    const highlighted = isHighlightedCode(element, inSlide);
    const ownIndex = fragmentIndex(element);
    // The highlight plugin moves the block's index to its step copies.
    if (classListOf(element).includes('fragment')) addStep(highlighted ? undefined : ownIndex);
    if (!highlighted) continue;
    const extraSteps = highlightStepCount(getAttribute(element, 'data-line-numbers') ?? '') - 1;
    for (let step = 0; step < extraSteps; step += 1) addStep(typeof ownIndex === 'number' ? ownIndex + step : undefined);
  }
  return indices.size + withoutIndex;
}

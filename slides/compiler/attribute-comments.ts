/**
 * reveal.js's `<!-- .slide: … -->` and `<!-- .element: … -->` comments, applied to the
 * parsed slide exactly as reveal.js's markdown plugin applies them to the DOM (its
 * addAttributes walk, reveal.js 6):
 *   - `.element` goes to the nearest element sibling BEFORE the comment inside the same
 *     parent (a <br> skipped), or to the parent itself when there is none; at the top of
 *     the slide, to the slide. `- item <!-- … -->` → the <li>, `Some text <!-- … -->` →
 *     the <p>, `![pic](a.png) <!-- … -->` → the <img>, `Text **bold** <!-- … -->` → the
 *     <strong>.
 *   - when that sibling is a list and no blank line separates it from the comment, the
 *     list's last item (that is why markdown.ts keeps blank lines);
 *   - `.slide` (only when the comment is not an `.element` one) goes to the slide.
 * Attributes are read with reveal.js's own pattern (`name="value"` and bare `data-…`) and
 * set with setAttribute semantics: a later value replaces an earlier one, `class` too.
 * The matched text is cut from the comment, as in reveal.js; a comment left empty is
 * dropped (the browser shows neither, and the slide's HTML stays readable).
 */
import {
  childNodesOf,
  isComment,
  isElement,
  removeNode,
  setAttribute,
  type DomComment,
  type DomElement,
  type DomNode,
  type SlideFragment,
} from './slide-dom.ts';

const ELEMENT_COMMENT = /\.element\s*?(.+?)$/m;
const SLIDE_COMMENT = /\.slide:\s*?(\S.+?)$/m;
const ATTRIBUTE = /([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])/g;
const BLANK_LINE = /\n[ \t]*\n/;

/** Sets the comment's attributes on `target`; false when the comment is not of this kind. */
function applyComment(comment: DomComment, target: DomElement, pattern: RegExp): boolean {
  const match = pattern.exec(comment.data);
  if (!match) return false;
  comment.data = comment.data.slice(0, match.index) + comment.data.slice(match.index + match[0].length);
  for (const [, name, value, bareName] of (match[1] ?? '').matchAll(ATTRIBUTE)) {
    if (value !== undefined && name !== undefined) setAttribute(target, name, value);
    else if (bareName !== undefined) setAttribute(target, bareName, '');
  }
  return true;
}

function previousSiblingText(siblings: readonly DomNode[], index: number): string {
  const previous = siblings[index - 1];
  if (!previous) return '';
  if (previous.nodeName === '#text') return (previous as { value: string }).value;
  return isComment(previous) ? previous.data : '';
}

/**
 * Applies every attribute comment of the slide. `slide` stands for the <section> (it
 * collects the slide's attributes); the fragment holds the slide's content.
 */
export function applyAttributeComments(fragment: SlideFragment, slide: DomElement): void {
  const visit = (node: DomNode, self: DomElement, previous: DomElement, siblings: readonly DomNode[], index: number): void => {
    const children = childNodesOf(node);
    let target: DomElement = self;
    children.forEach((child, childIndex) => {
      for (let before = childIndex - 1; before >= 0; before -= 1) {
        const candidate = children[before]!;
        if (isElement(candidate) && candidate.tagName !== 'br') {
          target = candidate;
          break;
        }
      }
      if (isElement(child)) visit(child, child, target, children, childIndex);
      else if (isComment(child)) visit(child, slide, target, children, childIndex);
    });
    if (!isComment(node)) return;
    let element = previous;
    const isList = element.tagName === 'ul' || element.tagName === 'ol';
    if (isList && !BLANK_LINE.test(previousSiblingText(siblings, index))) {
      element = [...element.childNodes].reverse().find(isElement) ?? element;
    }
    if (!applyComment(node, element, ELEMENT_COMMENT)) applyComment(node, slide, SLIDE_COMMENT);
    if (node.data.trim() === '') emptied.push(node);
  };
  const emptied: DomComment[] = [];
  visit(fragment, slide, slide, [], 0);
  for (const comment of emptied) removeNode(comment);
}

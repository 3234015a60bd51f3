/**
 * reveal.js's `<!-- .slide: … -->` and `<!-- .element: … -->` comments, applied to the
 * rendered HTML string instead of a DOM.
 *
 * `.element` follows reveal.js's markdown plugin exactly (its addAttributes walk): the
 * attributes go to the nearest element sibling BEFORE the comment inside the same parent
 * (ignoring <br>), or to the parent itself when there is none. So:
 *   - `- item <!-- .element: … -->`       → the <li>
 *   - `Some text <!-- .element: … -->`    → the <p>;  `## Title <!-- … -->` → the <h2>
 *   - `![pic](a.png) <!-- .element: … -->` → the <img>
 *   - `Text **bold** <!-- .element: … -->` → the <strong> (reveal.js does the same)
 *   - a comment right after a list (next line) → the list's last <li>; after a blank
 *     line → the whole <ul>/<ol>. That is why markdown.ts keeps blank lines.
 *   - a comment with no element before it at the top of the slide → the slide itself.
 * `.slide` comments go to the slide wherever they are. Both comments are removed from
 * the HTML; other comments are left alone.
 */
import { mergeAttributes, parseAttributes, serializeAttributes, type Attribute } from './attributes.ts';
import { scanHtml, type OpenTagToken } from './html-scan.ts';

const ELEMENT_COMMENT = /^\s*\.element\b:?([\s\S]*)$/;
const SLIDE_COMMENT = /^\s*\.slide\b:?([\s\S]*)$/;
const BLANK_LINE = /\n[ \t]*\n/;

interface ElementRef {
  tag: OpenTagToken;
  /** Last element child of any kind: the <li> a list comment falls back to. */
  lastChild: ElementRef | null;
}

interface Frame {
  /** null for the slide itself. */
  element: ElementRef | null;
  /** Nearest element sibling before the current position, <br> skipped. */
  previousElement: ElementRef | null;
  /** Text (or comment text) of the node just before the current position, as reveal.js checks it. */
  previousNodeText: string | null;
}

export interface AttributeCommentsResult {
  html: string;
  slideAttributes: Attribute[];
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

export function applyAttributeComments(html: string): AttributeCommentsResult {
  if (!html.includes('<!--')) return { html, slideAttributes: [] };

  const stack: Frame[] = [{ element: null, previousElement: null, previousNodeText: null }];
  const added = new Map<OpenTagToken, Attribute[]>();
  const removals: Replacement[] = [];
  let slideAttributes: Attribute[] = [];

  const top = (): Frame => stack[stack.length - 1] as Frame;
  const addTo = (target: ElementRef | null, attributes: Attribute[]): void => {
    if (!target) slideAttributes = mergeAttributes(slideAttributes, attributes);
    else added.set(target.tag, mergeAttributes(added.get(target.tag) ?? [], attributes));
  };

  for (const token of scanHtml(html)) {
    const frame = top();
    switch (token.kind) {
      case 'text':
        frame.previousNodeText = token.text;
        break;
      case 'open': {
        const element: ElementRef = { tag: token, lastChild: null };
        if (token.name !== 'br') frame.previousElement = element;
        if (frame.element) frame.element.lastChild = element;
        frame.previousNodeText = null;
        if (!token.selfClosing) stack.push({ element, previousElement: null, previousNodeText: null });
        break;
      }
      case 'close': {
        const depth = openDepthOf(stack, token.name);
        // A stray close tag in hand-written HTML is ignored rather than closing the slide.
        if (depth > 0) stack.length = depth;
        top().previousNodeText = null;
        break;
      }
      case 'comment': {
        const elementMatch = ELEMENT_COMMENT.exec(token.body);
        const slideMatch = elementMatch ? null : SLIDE_COMMENT.exec(token.body);
        if (!elementMatch && !slideMatch) {
          frame.previousNodeText = token.body;
          break;
        }
        if (elementMatch) {
          let target = frame.previousElement ?? frame.element;
          const isList = target?.tag.name === 'ul' || target?.tag.name === 'ol';
          if (target && isList && !BLANK_LINE.test(frame.previousNodeText ?? '')) target = target.lastChild ?? target;
          addTo(target, parseAttributes(elementMatch[1] ?? ''));
        } else {
          slideAttributes = mergeAttributes(slideAttributes, parseAttributes(slideMatch?.[1] ?? ''));
        }
        removals.push({ start: startOfSpacesBefore(html, token.start), end: token.end, text: '' });
        frame.previousNodeText = '';
        break;
      }
    }
  }

  const replacements: Replacement[] = [...removals];
  for (const [tag, attributes] of added) {
    const merged = mergeAttributes(parseAttributes(tag.attributes), attributes);
    const writtenName = html.slice(tag.start + 1, tag.start + 1 + tag.name.length);
    const closing = html.slice(tag.start, tag.end).endsWith('/>') ? ' />' : '>';
    replacements.push({ start: tag.start, end: tag.end, text: `<${writtenName}${serializeAttributes(merged)}${closing}` });
  }
  return { html: applyReplacements(html, replacements), slideAttributes };
}

function openDepthOf(stack: readonly Frame[], name: string): number {
  for (let depth = stack.length - 1; depth > 0; depth -= 1) {
    if (stack[depth]?.element?.tag.name === name) return depth;
  }
  return -1;
}

/** The comment takes the spaces before it on its line along: `<li>one</li>`, not `<li>one </li>`. */
function startOfSpacesBefore(html: string, position: number): number {
  let start = position;
  while (start > 0 && (html[start - 1] === ' ' || html[start - 1] === '\t')) start -= 1;
  return start;
}

/** One pass over the string, so many comments on a big slide stay linear. */
function applyReplacements(html: string, replacements: Replacement[]): string {
  replacements.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let position = 0;
  for (const { start, end, text } of replacements) {
    parts.push(html.slice(position, start), text);
    position = end;
  }
  parts.push(html.slice(position));
  return parts.join('');
}

/**
 * The slide's HTML as the browser will parse it. reveal.js's markdown plugin works on the
 * DOM the browser builds from marked's output (`section.innerHTML = html`), so the
 * compiler parses the same string with parse5, a spec-compliant HTML parser, in the same
 * context (a <section>). What the browser does to odd markup (`<i/>` is an open tag, a
 * formatting element reopened in the next paragraph, a <p> closed by a <div>) happens
 * here too, so attributes land on the same elements and fragments count the same.
 */
import { defaultTreeAdapter, html, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

export type DomNode = DefaultTreeAdapterTypes.Node;
export type DomElement = DefaultTreeAdapterTypes.Element;
export type DomComment = DefaultTreeAdapterTypes.CommentNode;
export type DomParent = DefaultTreeAdapterTypes.ParentNode;
export type SlideFragment = DefaultTreeAdapterTypes.DocumentFragment;

const SECTION_CONTEXT = defaultTreeAdapter.createElement('section', html.NS.HTML, []);

export function parseSlideHtml(source: string): SlideFragment {
  return parseFragment(SECTION_CONTEXT, source, {});
}

export function serializeSlide(fragment: DomParent): string {
  return serialize(fragment);
}

export function isElement(node: DomNode): node is DomElement {
  return 'tagName' in node;
}

export function isComment(node: DomNode): node is DomComment {
  return node.nodeName === '#comment';
}

export function childNodesOf(node: DomNode): DomNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function getAttribute(element: DomElement, name: string): string | null {
  return element.attrs.find((attribute) => attribute.name === name)?.value ?? null;
}

/**
 * The DOM's setAttribute: replaces the value (class too), or appends the attribute.
 * A new list each time: parse5 shares one attribute list between an element and the
 * copies the parser makes of it (a formatting element reopened in the next paragraph).
 */
export function setAttribute(element: DomElement, name: string, value: string): void {
  const lower = name.toLowerCase();
  const replaced = element.attrs.some((attribute) => attribute.name === lower);
  element.attrs = replaced
    ? element.attrs.map((attribute) => (attribute.name === lower ? { name: lower, value } : attribute))
    : [...element.attrs, { name: lower, value }];
}

export function removeAttribute(element: DomElement, name: string): void {
  element.attrs = element.attrs.filter((attribute) => attribute.name !== name);
}

export function classListOf(element: DomElement): string[] {
  return (getAttribute(element, 'class') ?? '').split(/\s+/).filter(Boolean);
}

/** Every element below `root`, in document order (template contents excluded, as in querySelectorAll). */
export function descendantElements(root: DomNode): DomElement[] {
  const found: DomElement[] = [];
  const walk = (node: DomNode): void => {
    for (const child of childNodesOf(node)) {
      if (!isElement(child)) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function removeNode(node: DomNode): void {
  if ('parentNode' in node && node.parentNode) defaultTreeAdapter.detachNode(node);
}

/** textContent: the text of every text node below, in order. */
export function textContentOf(node: DomNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return childNodesOf(node).map(textContentOf).join('');
}

/** Stands for the slide's <section>: `.slide` comments set their attributes on it. */
export function newSlideElement(): DomElement {
  return defaultTreeAdapter.createElement('section', html.NS.HTML, []);
}

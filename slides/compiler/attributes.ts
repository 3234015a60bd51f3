/**
 * HTML attribute lists as written in `<!-- .slide: … -->`, `<!-- .element: … -->` and
 * in tags: `name="value"`, `name='value'`, `name=value` and bare `name`.
 */
export interface Attribute {
  /** Lowercase, as the DOM would store it. */
  name: string;
  /** The value as written (entities not decoded); '' for a bare attribute. */
  value: string;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function parseAttributes(text: string): Attribute[] {
  const attributes: Attribute[] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, name = '', doubleQuoted, singleQuoted, unquoted] = match;
    attributes.push({ name: name.toLowerCase(), value: doubleQuoted ?? singleQuoted ?? unquoted ?? '' });
  }
  return attributes;
}

function mergeClassLists(current: string, added: string): string {
  const classes = new Set(current.split(/\s+/).filter(Boolean));
  for (const name of added.split(/\s+/).filter(Boolean)) classes.add(name);
  return [...classes].join(' ');
}

/**
 * Later attributes win, as with the DOM's setAttribute, except `class`: class lists are
 * merged, so `<!-- .element: class="fragment" -->` keeps the element's own classes.
 */
export function mergeAttributes(current: readonly Attribute[], added: readonly Attribute[]): Attribute[] {
  const merged = current.map((attribute) => ({ ...attribute }));
  for (const attribute of added) {
    const existing = merged.find((candidate) => candidate.name === attribute.name);
    if (!existing) merged.push({ ...attribute });
    else existing.value = attribute.name === 'class' ? mergeClassLists(existing.value, attribute.value) : attribute.value;
  }
  return merged;
}

/** ` a="1" b` — a value written in single quotes may hold `"`, which is escaped here. */
export function serializeAttributes(attributes: readonly Attribute[]): string {
  return attributes
    .map(({ name, value }) => (value === '' ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;')}"`))
    .join('');
}

/** Small DOM helpers for the results renderers: every piece of text goes in as text, never as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets text only when it changed, so an update in place does not disturb what did not move. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A list longer than a screen can show ends with how many were left out, as text. */
export function moreLine(className: string, hidden: number, noun: string): HTMLElement | undefined {
  return hidden > 0 ? element('p', className, `and ${hidden} more ${noun}`) : undefined;
}

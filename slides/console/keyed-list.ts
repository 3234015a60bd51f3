/**
 * A list updated in place, item by item, keyed by id: results arrive several times a
 * second, and a presenter's pointer or focus on an item's button must not be pulled away
 * by a redraw. Items move only when the order really changed.
 */
export class KeyedList<T> {
  private readonly items = new Map<string, HTMLElement>();

  constructor(
    readonly element: HTMLElement,
    private readonly keyOf: (entry: T) => string,
    private readonly create: (entry: T) => HTMLElement,
    private readonly update: (item: HTMLElement, entry: T) => void,
  ) {}

  show(entries: readonly T[]): void {
    const wanted: HTMLElement[] = [];
    const keys = new Set<string>();
    for (const entry of entries) {
      const key = this.keyOf(entry);
      keys.add(key);
      let item = this.items.get(key);
      if (!item) {
        item = this.create(entry);
        this.items.set(key, item);
      }
      this.update(item, entry);
      wanted.push(item);
    }
    for (const [key, item] of this.items) {
      if (keys.has(key)) continue;
      item.remove();
      this.items.delete(key);
    }
    const current = [...this.element.children];
    if (current.length === wanted.length && current.every((item, index) => item === wanted[index])) return;
    this.element.replaceChildren(...wanted);
  }
}

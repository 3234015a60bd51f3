import { element, plural, setText } from './dom.ts';

export interface BarRow {
  label: string;
  count: number;
  percent: number;
  /** A quiz option's verdict, once the answer is revealed. */
  verdict?: 'correct' | 'wrong';
}

/**
 * Horizontal bars, one row per option: the label, the percentage and the count as text,
 * and a bar whose width is the percentage. Rows are updated in place, so a new count
 * slides the bar to its new width instead of redrawing the chart.
 */
export function renderBars(body: HTMLElement, rows: BarRow[], animate: boolean, lettered: boolean): void {
  const signature = JSON.stringify([rows.map((row) => row.label), lettered]);
  let list = body.querySelector<HTMLOListElement>(':scope > ol.handsup-bars');
  const fresh = !list || list.dataset.signature !== signature;
  if (fresh) {
    list = element('ol', 'handsup-bars');
    list.dataset.signature = signature;
    rows.forEach((row, index) => list!.append(barItem(row.label, index, lettered)));
    body.replaceChildren(list);
  }
  const items = [...list!.children] as HTMLElement[];
  rows.forEach((row, index) => updateBar(items[index]!, row));
  const fills = items.map((item) => item.querySelector<HTMLElement>('.handsup-bar-fill')!);
  fills.forEach((fill, index) => (fill.dataset.width = `${Math.max(0, Math.min(100, rows[index]!.percent))}%`));
  if (fresh && animate) {
    // Drawn at zero first, then grown two frames later: that first growth is the animation.
    // The width is read then, not now, so an update arriving in between is not undone.
    for (const fill of fills) fill.style.width = '0%';
    requestAnimationFrame(() => requestAnimationFrame(() => fills.forEach(showWidth)));
  } else {
    fills.forEach(showWidth);
  }
}

function showWidth(fill: HTMLElement): void {
  fill.style.width = fill.dataset.width ?? '0%';
}

function barItem(label: string, index: number, lettered: boolean): HTMLLIElement {
  const item = element('li', 'handsup-bar');
  const name = element('span', 'handsup-bar-label');
  if (lettered) name.append(element('span', 'handsup-bar-letter', `${String.fromCharCode(65 + (index % 26))}.`), ' ');
  name.append(element('span', 'handsup-bar-text', label));
  const value = element('span', 'handsup-bar-value');
  value.append(element('strong', 'handsup-bar-percent'), ' ', element('span', 'handsup-bar-count'));
  const track = element('span', 'handsup-bar-track');
  track.setAttribute('aria-hidden', 'true');
  track.append(element('span', 'handsup-bar-fill'));
  item.append(name, value, track);
  return item;
}

function updateBar(item: HTMLElement, row: BarRow): void {
  setText(item.querySelector('.handsup-bar-percent')!, `${row.percent}%`);
  setText(item.querySelector('.handsup-bar-count')!, plural(row.count, 'vote', 'votes'));
  item.classList.toggle('is-correct', row.verdict === 'correct');
  item.classList.toggle('is-wrong', row.verdict === 'wrong');
  const name = item.querySelector('.handsup-bar-label')!;
  const mark = name.querySelector('.handsup-bar-correct');
  if (row.verdict === 'correct' && !mark) name.append(element('span', 'handsup-bar-correct', '✓ correct'));
  if (row.verdict !== 'correct') mark?.remove();
}

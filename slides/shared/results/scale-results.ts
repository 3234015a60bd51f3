import type { OptionTally } from '../../../protocol/session.ts';
import { renderBars } from './bars.ts';
import { element, setText } from './dom.ts';
import type { ResultsRenderer } from './types.ts';

function emptyScale(min: number, max: number): OptionTally[] {
  const values: OptionTally[] = [];
  for (let value = min; value <= max; value += 1) values.push({ option: String(value), count: 0, percent: 0 });
  return values;
}

/** A scale: the average in large type above the distribution, the end labels on the end values. */
export const scaleRenderer: ResultsRenderer<'average'> = {
  render(body, question, results, animate) {
    const min = 'min' in question ? question.min : 1;
    const max = 'max' in question ? question.max : 5;
    const labels = 'labels' in question ? question.labels : undefined;
    const tallies = results?.options ?? emptyScale(min, max);

    let average = body.querySelector<HTMLElement>(':scope > .handsup-scale-average');
    let distribution = body.querySelector<HTMLElement>(':scope > .handsup-scale-distribution');
    if (!average || !distribution) {
      average = element('p', 'handsup-scale-average');
      average.append(element('span', 'handsup-scale-average-value'), ' ', element('span', 'handsup-scale-average-label'));
      distribution = element('div', 'handsup-scale-distribution');
      body.replaceChildren(average, distribution);
    }
    const value = results?.average ?? null;
    setText(average.querySelector('.handsup-scale-average-value')!, value === null ? '–' : value.toFixed(1));
    setText(average.querySelector('.handsup-scale-average-label')!, `average, from ${min} to ${max}`);

    const rows = tallies.map(({ option, count, percent }, index) => {
      const end = index === 0 ? labels?.[0] : index === tallies.length - 1 ? labels?.[1] : undefined;
      return { label: end ? `${option} — ${end}` : option, count, percent };
    });
    renderBars(distribution, rows, animate, 'compact');
  },
};

import type { OwnAnswer, Results } from '../../protocol/session.ts';
import { h, uniqueId } from '../dom.ts';
import { phoneResults } from '../results-shapes.ts';
import { strings } from '../strings.ts';

/**
 * A question's results as text (option, votes, percent; a word and its count; an answer)
 * with a plain CSS bar beside each count: readable by screen readers, no chart library.
 * A scale's average is shown large; a quiz's right options are marked once revealed.
 */
export class ResultsView {
  readonly element: HTMLElement;
  private readonly section: HTMLElement;
  private readonly responses: HTMLElement;
  private readonly average = h('p', { class: 'average', hidden: true });
  private readonly empty = h('p', { class: 'hint', hidden: true }, strings.resultsEmpty);
  private readonly list: HTMLUListElement;
  private readonly hint: HTMLElement;

  constructor() {
    const headingId = uniqueId('results-heading');
    this.responses = h('p', { class: 'responses' });
    this.list = h('ul', { class: 'tallies' });
    this.hint = h('p', { class: 'results-hint', hidden: true });
    this.section = h(
      'section',
      { class: 'results', 'aria-labelledby': headingId, hidden: true },
      h('h2', { id: headingId }, strings.resultsHeading),
      this.responses,
      this.average,
      this.empty,
      this.list,
    );
    this.element = h('div', { class: 'results-area' }, this.section, this.hint);
  }

  /** results: what the phone may see (null: nothing yet); hint: why there is nothing to see. */
  update(results: Results | null, owns: OwnAnswer[], hint: string | null): void {
    this.section.hidden = results === null;
    this.hint.hidden = results !== null || hint === null;
    this.hint.textContent = hint ?? '';
    if (!results) return;
    this.responses.textContent = strings.resultsResponses(results.responses);
    const average = 'average' in results ? results.average : null;
    this.average.hidden = average === null;
    this.average.textContent = average === null ? '' : strings.resultsAverage(average);
    const rows = phoneResults(results).rows(results, owns);
    this.empty.hidden = rows.length > 0;
    // Rows are kept between updates so the bars glide rather than jump.
    while (this.list.children.length > rows.length) this.list.lastElementChild!.remove();
    rows.forEach(([text, count, percent, mine, right], index) => {
      const item = (this.list.children[index] as HTMLLIElement | undefined) ?? this.list.appendChild(makeRow());
      const [label, figure, bar] = item.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
      item.classList.toggle('own', mine);
      const tags = [right && strings.rightAnswer, mine && strings.yourAnswer].filter(Boolean).join(', ');
      label.replaceChildren(text, tags ? h('span', { class: 'own-tag' }, ` (${tags})`) : '');
      figure.textContent = count;
      bar.hidden = percent === null;
      (bar.firstElementChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, percent ?? 0))}%`;
    });
  }
}

function makeRow(): HTMLLIElement {
  return h(
    'li',
    { class: 'tally' },
    h('span', { class: 'tally-label' }),
    h('span', { class: 'tally-figure' }),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill' })),
  );
}

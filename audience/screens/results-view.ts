import type { AnswerValue, OptionTally, Results } from '../../protocol/session.ts';
import { h, uniqueId } from '../dom.ts';
import { strings } from '../strings.ts';

function talliesOf(results: Results): OptionTally[] {
  return 'options' in results ? results.options : [];
}

/**
 * A question's results as text (option, votes, percent) with a plain CSS bar beside
 * each: readable by screen readers, no chart library.
 */
export class ResultsView {
  readonly element: HTMLElement;
  private readonly responses: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly hint: HTMLElement;

  constructor() {
    const headingId = uniqueId('results-heading');
    this.responses = h('p', { class: 'responses' });
    this.list = h('ul', { class: 'tallies' });
    this.hint = h('p', { class: 'results-hint', hidden: true });
    this.element = h(
      'div',
      { class: 'results-area' },
      h(
        'section',
        { class: 'results', 'aria-labelledby': headingId, hidden: true },
        h('h2', { id: headingId }, strings.resultsHeading),
        this.responses,
        this.list,
      ),
      this.hint,
    );
  }

  /** results: what the phone may see (null: nothing yet); hint: why there is nothing to see. */
  update(results: Results | null, own: AnswerValue | null, hint: string | null): void {
    const section = this.element.firstElementChild as HTMLElement;
    section.hidden = results === null;
    this.hint.hidden = results !== null || hint === null;
    this.hint.textContent = hint ?? '';
    if (!results) return;
    this.responses.textContent = strings.resultsResponses(results.responses);
    const ownOptions = own && 'options' in own ? own.options : [];
    const tallies = talliesOf(results);
    // Rows are kept between updates so the bars glide rather than jump.
    while (this.list.children.length > tallies.length) this.list.lastElementChild!.remove();
    tallies.forEach((tally, index) => {
      const row = (this.list.children[index] as HTMLLIElement | undefined) ?? this.list.appendChild(makeRow());
      const [label, figure, bar] = row.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
      const mine = ownOptions.includes(index);
      row.classList.toggle('own', mine);
      label.replaceChildren(tally.option, mine ? h('span', { class: 'own-tag' }, ` (${strings.yourAnswer})`) : '');
      figure.textContent = strings.resultsFigure(tally.count, tally.percent);
      (bar.firstElementChild as HTMLElement).style.width = `${Math.max(0, Math.min(100, tally.percent))}%`;
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

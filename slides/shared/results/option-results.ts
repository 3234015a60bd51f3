import type { PublicQuestion } from '../../../protocol/deck.ts';
import type { OptionTally } from '../../../protocol/session.ts';
import { renderBars, type BarRow } from './bars.ts';
import type { ResultsRenderer } from './types.ts';

/** The question's options at zero: the chart's shape before the first answer. */
function emptyTallies(options: readonly string[]): OptionTally[] {
  return options.map((option) => ({ option, count: 0, percent: 0 }));
}

function optionsOf(question: PublicQuestion): readonly string[] {
  return 'options' in question ? question.options : [];
}

/** Polls: one bar per option. */
export const tallyRenderer: ResultsRenderer<'tally'> = {
  render(body, question, results, animate) {
    const tallies = results?.options ?? emptyTallies(optionsOf(question));
    renderBars(body, tallies.map(({ option, count, percent }) => ({ label: option, count, percent })), animate, 'lettered');
  },
};

/** Quizzes: bars like a poll; the right option(s) marked only once the results carry them (after the reveal). */
export const gradedTallyRenderer: ResultsRenderer<'graded-tally'> = {
  render(body, question, results, animate) {
    const tallies = results?.options ?? emptyTallies(optionsOf(question));
    const correct = results?.correct;
    const rows: BarRow[] = tallies.map(({ option, count, percent }, index) => ({
      label: option,
      count,
      percent,
      ...(correct ? { verdict: correct.includes(index) ? 'correct' : 'wrong' } : {}),
    }));
    renderBars(body, rows, animate, 'lettered');
  },
};

import type { PublicQuestion } from '../../../protocol/deck.ts';
import type { Results } from '../../../protocol/session.ts';

export type ResultsType = Results['type'];
export type ResultsOf<T extends ResultsType> = Extract<Results, { type: T }>;

/**
 * Draws one question type's results into a run's body, or updates what it drew before in
 * place. One module per type, so a type's look (a real word cloud, say) can be swapped alone.
 */
export interface ResultsRenderer<T extends ResultsType> {
  render(body: HTMLElement, question: PublicQuestion, results: ResultsOf<T> | null, animate: boolean, record: boolean): void;
}

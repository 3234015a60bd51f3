import type { PublicQuestion } from '../../../protocol/deck.ts';
import type { ResultsOfShape } from '../../../protocol/question-results.ts';
import type { ResultsShape } from '../../../protocol/question-types.ts';

/**
 * Draws one results shape into a run's body, or updates what it drew before in place.
 * One module per shape (every type whose results have that shape is drawn by it), so a
 * shape's look (a real word cloud, say) can be swapped alone.
 */
export interface ResultsRenderer<S extends ResultsShape> {
  render(body: HTMLElement, question: PublicQuestion, results: ResultsOfShape<S> | null, animate: boolean, record: boolean): void;
}

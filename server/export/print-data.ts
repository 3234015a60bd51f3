import type { Deck } from '../../protocol/deck.ts';
import type { PrintData } from '../../protocol/export.ts';
import type { Results } from '../../protocol/session.ts';
import type { SessionEngine } from '../engine/session-engine.ts';

/**
 * What the print view draws: every question's final results (approved typed entries
 * only: what the presenter hid stays out of the PDF) and the quiz standings; the notes
 * only when the export asks for them.
 */
export function printData(deck: Deck, engine: SessionEngine, options: { notes: boolean }): PrintData {
  const results: Record<string, Results> = {};
  for (const question of deck.questions) {
    const tallied = engine.publicResults(question.id);
    if (tallied) results[question.id] = tallied;
  }
  return {
    session: engine.session,
    results,
    quiz: engine.quizBoard(),
    ...(options.notes ? { notes: deck.slides.map((slide) => slide.notes) } : {}),
  };
}

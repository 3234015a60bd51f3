import type { PublicDeck } from '../protocol/deck.ts';
import { DECK_JSON_PATH } from '../server/http/pages.ts';

/** Whether the talk has a quiz (then phones are asked for a nickname); undefined when it cannot be told. */
export async function deckHasQuiz(): Promise<boolean | undefined> {
  try {
    const response = await fetch(DECK_JSON_PATH, { cache: 'no-store' });
    if (!response.ok) return undefined;
    const deck = (await response.json()) as Partial<PublicDeck>;
    return Array.isArray(deck.questions) ? deck.questions.some((question) => question.type === 'quiz') : undefined;
  } catch {
    return undefined;
  }
}

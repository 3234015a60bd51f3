import type { DeckProblem, PublicDeck } from '../../protocol/deck.ts';
import { DECK_JSON_PATH } from '../../protocol/routes.ts';

export type DeckLoad = { ok: true; deck: PublicDeck } | { ok: false; problems: DeckProblem[]; message: string };

/** Fetches the public deck; a broken deck comes back as its problems, never half a deck. */
export async function loadDeck(): Promise<DeckLoad> {
  let response: Response;
  try {
    response = await fetch(DECK_JSON_PATH, { cache: 'no-store' });
  } catch (error) {
    return { ok: false, problems: [], message: `Could not reach the handsup server: ${String(error)}` };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body && typeof body === 'object' && 'slides' in body) {
    return { ok: true, deck: body as PublicDeck };
  }
  const problems =
    body && typeof body === 'object' && 'problems' in body ? (body.problems as DeckProblem[]) : [];
  return { ok: false, problems, message: `The deck could not be loaded (HTTP ${response.status}).` };
}

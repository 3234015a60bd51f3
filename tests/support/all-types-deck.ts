import { join } from 'node:path';
import type { Deck } from '../../protocol/deck.ts';
import type { SessionInfo } from '../../protocol/session.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';
import type { RestoredSession } from '../../server/store/records.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { ROOT } from './server-process.ts';

/** tests/fixtures/all-types-deck.md: one question of every type, four quiz questions (`read: 0`: answers open at once; the read phase has its own tests). */
export const ALL_TYPES_DECK = 'tests/fixtures/all-types-deck.md';

/** Where each question sits (reveal.js h/v) in the fixture deck. */
export const SLIDES = {
  title: { h: 0, v: 0 },
  quizCapital: { h: 1, v: 0 },
  quizSum: { h: 1, v: 1 },
  quizLive: { h: 1, v: 2 },
  quizFast: { h: 1, v: 3 },
  scale: { h: 2, v: 0 },
  cloud: { h: 3, v: 0 },
  text: { h: 4, v: 0 },
  qa: { h: 5, v: 0 },
  end: { h: 6, v: 0 },
} as const;

export function allTypesDeck(): Deck {
  const { deck, problems } = compileDeckFile(join(ROOT, ALL_TYPES_DECK));
  if (problems.length > 0) throw new Error(`the fixture deck has problems: ${JSON.stringify(problems)}`);
  return deck;
}

export const TEST_SESSION: SessionInfo = { id: 'session-1', joinCode: 'ABCDEF', deckTitle: 'All types deck', startedAt: 0 };

export function allTypesEngine(restored?: RestoredSession, deck: Deck = allTypesDeck()): SessionEngine {
  return new SessionEngine(deck, TEST_SESSION, restored);
}

/** Moves to a slide at `now`; throws if the engine refuses. */
export function goTo(engine: SessionEngine, position: { h: number; v: number }, now = 0): void {
  const moved = engine.goTo({ ...position, f: -1 }, now);
  if (!moved.ok) throw new Error(moved.message);
}

import { createHash } from 'node:crypto';
import type { Deck } from '../../../protocol/deck.ts';

/**
 * Where a session lives in Redis. Every key of one session shares the hash tag
 * `{SESSION}`, so the log function's keys sit in one slot and a Redis Cluster works too.
 */
export const sessionKeys = (sessionId: string) => ({
  /** The session's log: a Redis Stream of records, in the one order every node folds. */
  log: `handsup:{${sessionId}}:log`,
  /** Idempotency: the answer ids and upvotes already in the log. */
  seen: `handsup:{${sessionId}}:seen`,
  /** The session's metadata: join code, deck title, start time, presenter key. */
  meta: `handsup:{${sessionId}}:meta`,
});

/** The session every node serving this deck joins. Nodes may keep the deck at different paths: keyed by its content. */
export function talkKey(deck: Deck): string {
  return `handsup:talk:${createHash('sha256').update(JSON.stringify(deck)).digest('hex').slice(0, 24)}`;
}

/** The most recent session started in this Redis, for the export and the archive. */
export const LATEST_SESSION_KEY = 'handsup:latest-session';

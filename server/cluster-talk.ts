import { randomUUID } from 'node:crypto';
import type { Deck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { newPresenterKey, presenterKeyFromEnv } from './auth/presenter-key.ts';
import { SessionEngine } from './engine/session-engine.ts';
import { makeJoinCode } from './store/join-code.ts';
import { loadLogFunction } from './store/redis/log-function.ts';
import { connectRedis, persistenceProblems, redactedUrl, type RedisClient } from './store/redis/redis-connection.ts';
import { LATEST_SESSION_KEY, sessionKeys, talkKey } from './store/redis/redis-keys.ts';
import { readLog } from './store/redis/redis-log-tail.ts';
import { RedisStore } from './store/redis/redis-store.ts';
import { talkOn, type Talk } from './talk.ts';

export interface ClusterTalkOptions {
  deck: Deck;
  deckFile: string;
  redisUrl: string;
  /** Start a fresh session instead of joining the one the cluster serves. */
  newSession?: boolean;
  /** The organiser accepts a Redis that may lose acknowledged answers (`--redis-unsafe`). */
  unsafe?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Redis would lose acknowledged answers and the organiser did not accept that. */
export class UnsafeRedisError extends Error {}

/**
 * A node's talk held in Redis: the session every node of this deck serves (created by the
 * first node), the presenter key they share, and an engine that has replayed the whole
 * log before the node serves anyone. From then on the node folds the log as it grows.
 */
export async function openClusterTalk(options: ClusterTalkOptions): Promise<Talk> {
  const url = options.redisUrl;
  const client = await connectRedis(url, 'commands');
  try {
    const problems = await persistenceProblems(client, url);
    if (problems.length > 0 && !options.unsafe) {
      throw new UnsafeRedisError(
        `Redis at ${redactedUrl(url)} could lose acknowledged answers:\n  ${problems.join('\n  ')}\n` +
          'Then make it last across restarts (the same lines in redis.conf, or `CONFIG REWRITE`), ' +
          'or pass --redis-unsafe to accept that answers may be lost.',
      );
    }
    if (problems.length > 0) console.error(`handsup: --redis-unsafe: ${problems.join('; ')}`);
    await loadLogFunction(client);
    const { session, resumed } = await joinSession(client, options);
    const presenterKey = await sharedPresenterKey(client, session.id, options.env ?? process.env);

    const engine = new SessionEngine(options.deck, session);
    const entries = await readLog(client, sessionKeys(session.id).log);
    const records = entries.map((entry) => entry.record);
    engine.fold(records, true);
    const tailClient = await connectRedis(url, 'log tail');
    const store = new RedisStore(client, tailClient, url, session.id, { records, lastId: entries.at(-1)?.id ?? '0' });
    return talkOn(store, { presenterKey, session, resumed, engine });
  } catch (error) {
    client.destroy();
    throw error;
  }
}

/** The session the cluster serves for this deck: the first node creates it, the others join it. */
async function joinSession(client: RedisClient, options: ClusterTalkOptions): Promise<{ session: SessionInfo; resumed: boolean }> {
  const pointer = talkKey(options.deck);
  if (!options.newSession) {
    const existing = await client.get(pointer);
    if (existing) {
      const found = await readSession(client, existing);
      // The deck's path on the first node is kept for the archive, never sent to clients.
      if (found) {
        const { deckFile: _deckFile, ...session } = found;
        return { session, resumed: true };
      }
    }
  }
  const session: SessionInfo = { id: randomUUID(), joinCode: makeJoinCode(), deckTitle: options.deck.title, startedAt: Date.now() };
  await client.hSet(sessionKeys(session.id).meta, {
    id: session.id,
    joinCode: session.joinCode,
    deckTitle: session.deckTitle,
    startedAt: String(session.startedAt),
    deckFile: options.deckFile,
  });
  // Two nodes starting at once: the first pointer set wins and both serve that session.
  const taken = options.newSession ? await client.set(pointer, session.id) : await client.set(pointer, session.id, { NX: true });
  if (taken === null) {
    await client.del(sessionKeys(session.id).meta);
    return joinSession(client, options);
  }
  await client.set(LATEST_SESSION_KEY, session.id);
  return { session, resumed: false };
}

export async function readSession(client: RedisClient, sessionId: string): Promise<(SessionInfo & { deckFile: string }) | undefined> {
  const meta = await client.hGetAll(sessionKeys(sessionId).meta);
  if (!meta.id || !meta.joinCode) return undefined;
  return { id: meta.id, joinCode: meta.joinCode, deckTitle: meta.deckTitle ?? '', startedAt: Number(meta.startedAt), deckFile: meta.deckFile ?? '' };
}

/**
 * HANDSUP_PRESENTER_KEY on every node, or one key made by the first node and kept with the
 * session. The rules for a key (at least 128 bits) are server/auth's, as on a single node.
 */
async function sharedPresenterKey(client: RedisClient, sessionId: string, env: NodeJS.ProcessEnv): Promise<string> {
  const fromEnv = presenterKeyFromEnv(env);
  if (fromEnv) return fromEnv;
  const key = sessionKeys(sessionId).meta;
  await client.hSetNX(key, 'presenterKey', newPresenterKey());
  return (await client.hGet(key, 'presenterKey'))!;
}

import { createClient } from 'redis';
import type { PresenterView } from '../../protocol/session.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';
import { readSession } from '../../server/cluster-talk.ts';
import { LATEST_SESSION_KEY, sessionKeys } from '../../server/store/redis/redis-keys.ts';
import { readLog, type LogEntry } from '../../server/store/redis/redis-log-tail.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { connectClient, connectWatching, makeId, type TestSocket } from './clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from './server-process.ts';

export const CLUSTER_DECK = 'tests/fixtures/live-deck.md';

/** A `handsup start --redis URL` node as a child process. */
export function startNode(redisUrl: string, args: string[] = []): Promise<ServerProcess> {
  return startServer({ deck: CLUSTER_DECK, args: ['--redis', redisUrl, ...args] });
}

/** What must be equal on every node and in a fresh replay: everything but clocks and local counts. */
export function comparable(view: PresenterView) {
  const { serverTime: _time, participants: _participants, ...rest } = view;
  return rest;
}

/** A node's whole state, as its presenter console receives it. */
export async function presenterState(url: string): Promise<PresenterView> {
  const { socket } = await connectClient(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  try {
    const reply = await socket.timeout(5000).emitWithAck('state:sync');
    if (!reply.ok) throw new Error(reply.message);
    return reply.view as PresenterView;
  } finally {
    socket.close();
  }
}

/**
 * Resolves once a node has the question open: a presenter opened it on one node, and every
 * other node opens it when its tail has folded that record.
 */
export async function questionOpenOn(url: string, questionId: string, timeoutMs = 15_000): Promise<void> {
  const { socket, seen } = await connectWatching(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  try {
    await seen('state', (state) => (state as PresenterView).questions[questionId]?.status === 'open', timeoutMs);
  } finally {
    socket.close();
  }
}

/** The session's log in Redis, read by a client of the test's own. */
export async function readSessionLog(redisUrl: string): Promise<{ sessionId: string; entries: LogEntry[] }> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    const sessionId = (await client.get(LATEST_SESSION_KEY))!;
    return { sessionId, entries: await readLog(client, sessionKeys(sessionId).log) };
  } finally {
    client.destroy();
  }
}

/** A fresh engine that folded the whole log: what every node's state must equal. */
export async function freshReplay(redisUrl: string): Promise<PresenterView> {
  const { sessionId, entries } = await readSessionLog(redisUrl);
  const client = createClient({ url: redisUrl });
  await client.connect();
  const session = await readSession(client, sessionId).finally(() => client.destroy());
  const { deck } = compileDeckFile(CLUSTER_DECK);
  const { deckFile: _deckFile, ...info } = session!;
  const engine = new SessionEngine(deck, info);
  engine.fold(entries.map((entry) => entry.record), true);
  return engine.presenterView(0);
}

export async function joinCodeOf(url: string): Promise<string> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { joinCode: string }).joinCode;
}

/** A phone on a node, as the tests drive it. */
export async function connectPhone(url: string, joinCode: string, prefix = 'phone'): Promise<TestSocket> {
  return (await connectClient(url, { role: 'audience', joinCode, participantId: makeId(prefix) })).socket;
}

/**
 * Sends an answer the way a phone does: again with the same id until it is acknowledged
 * (a refusal or silence means "not saved"), or until the deadline. Resolves with whether
 * it was acknowledged and how many refusals it met.
 */
export async function answerUntilAcknowledged(
  socket: TestSocket,
  submit: { questionId: string; answerId: string; value: { options: number[] } },
  deadline: number,
): Promise<{ acknowledged: boolean; refusals: number }> {
  let refusals = 0;
  while (Date.now() < deadline) {
    try {
      const reply = await socket.timeout(4000).emitWithAck('answer:submit', submit);
      if (reply.ok) return { acknowledged: true, refusals };
      if (reply.code !== 'unavailable') throw new Error(`answer refused: ${reply.code} ${reply.message}`);
    } catch (error) {
      if ((error as Error).message.startsWith('answer refused')) throw error;
    }
    refusals += 1;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { acknowledged: false, refusals };
}

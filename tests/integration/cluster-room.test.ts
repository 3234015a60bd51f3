import { afterEach, describe, expect, it } from 'vitest';
import type { AudienceView } from '../../protocol/session.ts';
import { connectClient, makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { comparable, freshReplay, joinCodeOf, presenterState, startNode } from '../support/cluster.ts';
import { startRedis, type RedisProcess } from '../support/redis-process.ts';
import type { ServerProcess } from '../support/server-process.ts';

/** What a room does across nodes: one nickname per phone in the whole room, reactions on every projector. */
const nodes: ServerProcess[] = [];
const sockets: TestSocket[] = [];
let redis: RedisProcess | undefined;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(nodes.splice(0).map((node) => node.stop()));
  await redis?.stop();
  redis = undefined;
});

async function twoNodes(): Promise<{ a: ServerProcess; b: ServerProcess; joinCode: string }> {
  redis = await startRedis();
  // One after the other: the first creates the session, the second joins it.
  for (let i = 0; i < 2; i += 1) nodes.push(await startNode(redis.url));
  return { a: nodes[0]!, b: nodes[1]!, joinCode: await joinCodeOf(nodes[0]!.url) };
}

async function phone(url: string, joinCode: string, participantId: string): Promise<TestSocket> {
  const { socket } = await connectClient(url, { role: 'audience', joinCode, participantId });
  sockets.push(socket);
  return socket;
}

/** The participant's own nickname as a node has it (a socket of that phone on that node). */
async function nicknameOn(url: string, joinCode: string, participantId: string): Promise<string | null> {
  const socket = await phone(url, joinCode, participantId);
  const reply = await socket.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok) throw new Error(reply.message);
  return (reply.view as AudienceView).nickname;
}

describe('scale-out: a room spread over two nodes', { timeout: 180_000 }, () => {
  it('gives a nickname to one phone only when two phones on two nodes take it in the same instant', async () => {
    const { a, b, joinCode } = await twoNodes();
    const first = makeId('first');
    const second = makeId('second');
    const onA = await phone(a.url, joinCode, first);
    const onB = await phone(b.url, joinCode, second);

    // Redis paused: each node finds "Ada" free and sends its record; both wait, and Redis
    // appends both, in the order they came, when it wakes. The log decides who has it.
    redis!.signal('SIGSTOP');
    const during = await Promise.all([
      onA.timeout(10_000).emitWithAck('participant:nickname', { nickname: 'Ada' }),
      onB.timeout(10_000).emitWithAck('participant:nickname', { nickname: 'ada' }),
    ]);
    expect(during.map((reply) => reply.ok)).toEqual([false, false]);
    expect(during.map((reply) => !reply.ok && reply.code)).toEqual(['unavailable', 'unavailable']);
    redis!.signal('SIGCONT');

    // Each phone sends again, as phones do after "not saved": one keeps it, the other is told to pick another.
    const again = await Promise.all([
      onA.timeout(10_000).emitWithAck('participant:nickname', { nickname: 'Ada' }),
      onB.timeout(10_000).emitWithAck('participant:nickname', { nickname: 'ada' }),
    ]);
    expect(again.filter((reply) => reply.ok)).toHaveLength(1);
    const loser = again.find((reply) => !reply.ok);
    expect(loser && !loser.ok && loser.code).toBe('conflict');

    // Both nodes agree on who has it, and the other phone has no nickname on either.
    const winner = again[0]!.ok ? first : second;
    const other = winner === first ? second : first;
    for (const node of [a, b]) {
      expect((await nicknameOn(node.url, joinCode, winner))?.toLowerCase()).toBe('ada');
      expect(await nicknameOn(node.url, joinCode, other)).toBeNull();
    }
    const replay = comparable(await freshReplay(redis!.url));
    for (const node of [a, b]) expect(comparable(await presenterState(node.url))).toEqual(replay);
  });

  it("floats a phone's reaction on the projectors of every node, the phone's own and the others'", async () => {
    const { a, b, joinCode } = await twoNodes();
    const projectorA = (await connectClient(a.url, { role: 'display' })).socket;
    const projectorB = (await connectClient(b.url, { role: 'display' })).socket;
    sockets.push(projectorA, projectorB);
    const onB = await phone(b.url, joinCode, makeId('reacts-on-b'));
    const onA = await phone(a.url, joinCode, makeId('reacts-on-a'));

    const applause = (socket: TestSocket) => nextEvent(socket, 'reactions', (burst) => (burst.counts['👏'] ?? 0) > 0, 15_000);
    const seenFromB = Promise.all([applause(projectorA), applause(projectorB)]);
    expect((await onB.timeout(5000).emitWithAck('reaction:send', { emoji: '👏' })).ok).toBe(true);
    const [[onProjectorA], [onProjectorB]] = await seenFromB;
    expect(onProjectorA.counts['👏']).toBe(1);
    expect(onProjectorB.counts['👏']).toBe(1);

    const hearts = (socket: TestSocket) => nextEvent(socket, 'reactions', (burst) => (burst.counts['❤️'] ?? 0) > 0, 15_000);
    const seenFromA = Promise.all([hearts(projectorA), hearts(projectorB)]);
    expect((await onA.timeout(5000).emitWithAck('reaction:send', { emoji: '❤️' })).ok).toBe(true);
    const [[heartsA], [heartsB]] = await seenFromA;
    expect(heartsA.counts['❤️']).toBe(1);
    expect(heartsB.counts['❤️']).toBe(1);
    // The slide's totals add up the same on both projectors once both bursts are in.
    expect(heartsA.totals).toEqual({ '👏': 1, '❤️': 1 });
    expect(heartsB.totals).toEqual({ '👏': 1, '❤️': 1 });
  });
});

import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { answerUntilAcknowledged, comparable, freshReplay, joinCodeOf, presenterState, readSessionLog, startNode } from '../support/cluster.ts';
import { startHaproxy, type HaproxyProcess } from '../support/haproxy-process.ts';
import { startRedis, type RedisProcess } from '../support/redis-process.ts';
import { TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * Phones in the swarm. The figure is 2,000; on this shared two-core machine the
 * test runs fewer (set HANDSUP_FAILOVER_PHONES=2000 to run the full swarm).
 */
const PHONES = Number(process.env.HANDSUP_FAILOVER_PHONES ?? 90);
const ANSWERS_PER_PHONE = 3;

const nodes: ServerProcess[] = [];
const phones: TestSocket[] = [];
let redis: RedisProcess | undefined;
let haproxy: HaproxyProcess | undefined;

afterAll(async () => {
  for (const phone of phones) phone.close();
  await haproxy?.stop();
  await Promise.all(nodes.map((node) => node.stop()));
  await redis?.stop();
});

describe('scale-out: a node killed mid-burst behind HAProxy', { timeout: 600_000 }, () => {
  it('counts every acknowledged answer exactly once, serves every phone again, and leaves every node equal to a fresh replay', async () => {
    redis = await startRedis();
    for (let i = 0; i < 3; i += 1) nodes.push(await startNode(redis.url));
    haproxy = await startHaproxy(nodes.map((node) => node.port));
    const joinCode = await joinCodeOf(nodes[0]!.url);
    const { socket: presenter } = await connectClient(nodes[0]!.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    phones.push(presenter);
    expect((await presenter.timeout(10_000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 })).ok).toBe(true);

    // Through the balancer, as a venue's phones come: a third over long-polling (the cookie keeps them on one node).
    for (let i = 0; i < PHONES; i += 1) {
      const phone: TestSocket = io(haproxy.url, {
        auth: { role: 'audience', joinCode, participantId: makeId(`phone-${i}`) },
        transports: i % 3 === 0 ? ['polling'] : ['websocket'],
        withCredentials: true,
        reconnectionDelay: 100,
        reconnectionDelayMax: 1000,
        forceNew: true,
      });
      phones.push(phone);
      await new Promise<void>((resolve, reject) => {
        phone.once('state', () => resolve());
        phone.once('connect_error', reject);
      });
    }

    const finalOption = new Map<number, number>();
    const acknowledged: string[] = [];
    let killed: Promise<void> | undefined;
    const victim = nodes[1]!;
    const deadline = Date.now() + 120_000;
    await Promise.all(
      phones.slice(1).map(async (phone, i) => {
        for (let n = 0; n < ANSWERS_PER_PHONE; n += 1) {
          const option = (i + n) % 3;
          const submit = { questionId: 'pick-one', answerId: makeId('ans'), value: { options: [option] } };
          const { acknowledged: ok } = await answerUntilAcknowledged(phone, submit, deadline);
          if (!ok) return;
          acknowledged.push(submit.answerId);
          finalOption.set(i, option);
          // A third of the way through the burst, one node dies without a word.
          if (acknowledged.length === PHONES && !killed) killed = victim.kill();
        }
      }),
    );
    await killed;
    expect(killed).toBeDefined();
    expect(acknowledged).toHaveLength(PHONES * ANSWERS_PER_PHONE);
    expect(phones.slice(1).every((phone) => phone.connected)).toBe(true);

    // Exactly once in the log, and counted once: each phone's latest answer.
    const logged = (await readSessionLog(redis.url)).entries.flatMap((entry) => (entry.record.kind === 'answer' ? [entry.record.answerId] : []));
    expect(new Set(logged).size).toBe(logged.length);
    expect(acknowledged.filter((answerId) => !logged.includes(answerId))).toEqual([]);
    const replay = await freshReplay(redis.url);
    const counts = [0, 1, 2].map((option) => [...finalOption.values()].filter((chosen) => chosen === option).length);
    const results = replay.results['pick-one']!;
    expect(results.type === 'choice' && results.options.map((option) => option.count)).toEqual(counts);
    expect(results.responses).toBe(PHONES);
    for (const node of [nodes[0]!, nodes[2]!]) expect(comparable(await presenterState(node.url))).toEqual(comparable(replay));
  });
});

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PresenterView } from '../../protocol/session.ts';
import { connectClient, connectWatching, type TestSocket } from '../support/clients.ts';
import { comparable, freshReplay, joinCodeOf, questionOpenOn, readSessionLog, startNode } from '../support/cluster.ts';
import type { FailoverJob, FailoverReport } from '../support/failover-swarm.ts';
import { startHaproxy, type HaproxyProcess } from '../support/haproxy-process.ts';
import { startRedis, type RedisProcess } from '../support/redis-process.ts';
import { ROOT, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/** The swarm: 2,000 phones (a tenth over long-polling), in a child process of their own. */
const PHONES = Number(process.env.HANDSUP_FAILOVER_PHONES ?? 2000);
const ANSWERS_PER_PHONE = 3;
const OPTIONS = 3;

const nodes: ServerProcess[] = [];
const consoles: TestSocket[] = [];
let swarm: ChildProcess | undefined;
let redis: RedisProcess | undefined;
let haproxy: HaproxyProcess | undefined;

afterAll(async () => {
  swarm?.kill('SIGKILL');
  for (const socket of consoles) socket.close();
  await haproxy?.stop();
  await Promise.all(nodes.map((node) => node.stop()));
  await redis?.stop();
});

/** The next report of that kind from the swarm (it fails the test if the swarm dies first). */
function report<K extends FailoverReport['kind']>(kind: K): Promise<Extract<FailoverReport, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FailoverReport) => {
      if (message.kind !== kind) return;
      swarm!.off('message', onMessage);
      resolve(message as Extract<FailoverReport, { kind: K }>);
    };
    swarm!.on('message', onMessage);
    swarm!.once('exit', (code) => reject(new Error(`the phones' process exited (${code}) before "${kind}"`)));
  });
}

/** A node's console, once that node has folded every phone's answer (its tail caught up with the log). */
async function consoleOnceCaughtUp(url: string): Promise<PresenterView> {
  const { socket, seen } = await connectWatching(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  consoles.push(socket);
  const counted = (results: { questionId: string; responses: number }) => results.questionId === 'pick-one' && results.responses === PHONES;
  const [view] = await seen('state', () => true);
  if (!counted((view as PresenterView).results['pick-one']!)) await seen('results', counted, 30_000);
  const reply = await socket.timeout(10_000).emitWithAck('state:sync');
  if (!reply.ok) throw new Error(reply.message);
  return reply.view as PresenterView;
}

describe('scale-out: a node killed mid-burst behind HAProxy', { timeout: 300_000 }, () => {
  it(`counts every acknowledged answer of ${PHONES} phones exactly once, serves every phone again, and leaves every node equal to a fresh replay`, async () => {
    redis = await startRedis();
    // Every phone comes through HAProxy from one address: no cap on new phones per address.
    for (let i = 0; i < 3; i += 1) nodes.push(await startNode(redis.url, ['--joins-per-minute', '0']));
    haproxy = await startHaproxy(nodes.map((node) => node.port));
    const joinCode = await joinCodeOf(nodes[0]!.url);
    const { socket: presenter } = await connectClient(nodes[0]!.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    consoles.push(presenter);
    expect((await presenter.timeout(10_000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 })).ok).toBe(true);
    await Promise.all(nodes.map((node) => questionOpenOn(node.url, 'pick-one')));

    swarm = fork(join(ROOT, 'tests/support/failover-swarm.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const connected = report('connected');
    const job: FailoverJob = { url: haproxy.url, joinCode, questionId: 'pick-one', phones: PHONES, pollingEvery: 10, answersPerPhone: ANSWERS_PER_PHONE, optionCount: OPTIONS, deadline: Date.now() + 150_000 };
    swarm.send(job);
    expect(await connected).toEqual({ kind: 'connected', connected: PHONES, errors: [] });

    // A third of the way through the burst, one node (not the console's) dies without a word.
    const victim = nodes[1]!;
    let killed: Promise<void> | undefined;
    swarm.on('message', (message: FailoverReport) => {
      if (message.kind === 'acked' && message.acked >= PHONES && !killed) killed = victim.kill();
    });
    const done = report('done');
    swarm.send('answer');
    const result = await done;
    await killed;
    expect(killed).toBeDefined();
    expect(result.errors).toEqual([]);
    expect(result.unacknowledged).toBe(0);
    expect(result.acknowledged).toHaveLength(PHONES * ANSWERS_PER_PHONE);
    // All phones served again: the killed node's phones came back through the balancer to another node.
    expect(result.connectedAtEnd).toBe(PHONES);
    // Round-robin gave the killed node about a third of the phones: each came back.
    expect(result.reconnected).toBeGreaterThanOrEqual(PHONES / 5);

    // Exactly once in the log: every acknowledged id there, none twice.
    const logged = (await readSessionLog(redis.url)).entries.flatMap((entry) => (entry.record.kind === 'answer' ? [entry.record.answerId] : []));
    expect(new Set(logged).size).toBe(logged.length);
    const inLog = new Set(logged);
    expect(result.acknowledged.filter((answerId) => !inLog.has(answerId))).toEqual([]);

    // Counted once: each phone's latest answer, in a fresh replay and on every console that is left.
    const counts = Array.from({ length: OPTIONS }, (_, option) => result.lastOption.filter((chosen) => chosen === option).length);
    const replay = await freshReplay(redis.url);
    const replayed = replay.results['pick-one']!;
    expect(replayed.type === 'choice' && replayed.options.map((option) => option.count)).toEqual(counts);
    expect(replayed.responses).toBe(PHONES);
    for (const node of [nodes[0]!, nodes[2]!]) expect(comparable(await consoleOnceCaughtUp(node.url))).toEqual(comparable(replay));
    swarm.send('close');
  });
});

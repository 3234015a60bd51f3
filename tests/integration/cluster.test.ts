import { spawnSync } from 'node:child_process';
import type { AudienceView } from '../../protocol/session.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent, makeId, connectClient, type TestSocket } from '../support/clients.ts';
import {
  answerUntilAcknowledged,
  CLUSTER_DECK,
  comparable,
  connectPhone,
  freshReplay,
  joinCodeOf,
  presenterState,
  questionOpenOn,
  readSessionLog,
  startNode,
} from '../support/cluster.ts';
import { startRedis, type RedisProcess } from '../support/redis-process.ts';
import { ROOT, tempDataDir, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/** Phones per burst: small, because every node, Redis and the test share two busy cores. */
const PHONES = Number(process.env.HANDSUP_CLUSTER_TEST_PHONES ?? 60);

const nodes: ServerProcess[] = [];
const sockets: TestSocket[] = [];
let redis: RedisProcess | undefined;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(nodes.splice(0).map((node) => node.stop()));
  await redis?.stop();
  redis = undefined;
});

/** The command line, as an organiser types it (bounded, not timed: the machine is shared). */
function runCli(args: string[]) {
  return spawnSync(process.execPath, ['bin/handsup.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
}

async function cluster(count: number): Promise<{ nodes: ServerProcess[]; presenter: TestSocket; joinCode: string }> {
  redis = await startRedis();
  // One after the other: the first creates the session, the others join it.
  for (let i = 0; i < count; i += 1) nodes.push(await startNode(redis.url));
  const joinCode = await joinCodeOf(nodes[0]!.url);
  const { socket: presenter } = await connectClient(nodes[0]!.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  sockets.push(presenter);
  expect((await presenter.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 })).ok).toBe(true);
  // Open on every node before a phone answers: the others open it once their tail folded the presenter's move.
  await Promise.all(nodes.map((node) => questionOpenOn(node.url, 'pick-one')));
  return { nodes: [...nodes], presenter, joinCode };
}

async function phonesOn(url: string, joinCode: string, count: number): Promise<TestSocket[]> {
  const phones: TestSocket[] = [];
  for (let i = 0; i < count; i += 1) phones.push(await connectPhone(url, joinCode));
  sockets.push(...phones);
  return phones;
}

async function expectEveryNodeEqualsAFreshReplay(urls: string[]): Promise<void> {
  const replay = comparable(await freshReplay(redis!.url));
  for (const url of urls) expect(comparable(await presenterState(url))).toEqual(replay);
}

/** A phone with a given id on a node (the same phone may hold a socket on each node). */
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

describe('scale-out: several nodes, Redis the authority', { timeout: 300_000 }, () => {
  it('refuses a Redis that could lose acknowledged answers, with the commands that fix it, unless --redis-unsafe', async () => {
    redis = await startRedis({ persistent: false });
    const refused = runCli(['start', '--deck', CLUSTER_DECK, '--port', '0', '--host', '127.0.0.1', '--redis', redis.url]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`redis-cli -h 127.0.0.1 -p ${redis.port} CONFIG SET appendonly yes`);
    expect(refused.stderr).toContain(`redis-cli -h 127.0.0.1 -p ${redis.port} CONFIG SET maxmemory-policy noeviction`);
    expect(refused.stderr).toContain('--redis-unsafe');
    nodes.push(await startNode(redis.url, ['--redis-unsafe']));
    expect(nodes[0]!.output()).toContain('--redis-unsafe: appendonly is no');
  });

  it('serves one session from two nodes: answers on node B reach the console on node A, and every node equals a fresh replay', async () => {
    const { nodes: [a, b], presenter, joinCode } = await cluster(2);
    expect(await joinCodeOf(b!.url)).toBe(joinCode);
    const phones = await phonesOn(b!.url, joinCode, PHONES);
    const everyAnswerOnA = nextEvent(presenter, 'results', (results) => results.questionId === 'pick-one' && results.responses === PHONES, 20_000);
    const replies = await Promise.all(
      phones.map((phone, i) => phone.timeout(10_000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId('ans'), value: { options: [i % 3] } })),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const [results] = await everyAnswerOnA;
    expect(results.type === 'choice' && results.options.map((option) => option.count)).toEqual([0, 1, 2].map((o) => phones.filter((_, i) => i % 3 === o).length));
    await expectEveryNodeEqualsAFreshReplay([a!.url, b!.url]);

    // The export reads the session from Redis; the archive keeps it in SQLite after Redis is gone.
    const exported = runCli(['export', 'results', '--redis', redis!.url, '--format', 'json']);
    expect(exported.status, exported.stderr).toBe(0);
    const json = JSON.parse(exported.stdout) as { session: { joinCode: string }; questions: { id: string; responses: number }[] };
    expect(json.session.joinCode).toBe(joinCode);
    expect(json.questions.find((question) => question.id === 'pick-one')!.responses).toBe(PHONES);
    const archive = tempDataDir();
    const archived = runCli(['archive', '--redis', redis!.url, '--data', archive]);
    expect(archived.status, archived.stderr).toBe(0);
    const listed = runCli(['sessions', '--data', archive]);
    expect(listed.stdout).toContain(joinCode);
    expect(listed.stdout).toContain(String(PHONES));
  });

  it('loses no acknowledged answer when Redis is killed (SIGKILL) mid-burst and restarted from its AOF', async () => {
    const { nodes: [a, b], joinCode } = await cluster(2);
    const phones = [...(await phonesOn(a!.url, joinCode, PHONES / 2)), ...(await phonesOn(b!.url, joinCode, PHONES / 2))];
    const acknowledged: string[] = [];
    let crash: Promise<void> | undefined;
    const deadline = Date.now() + 45_000;
    await Promise.all(
      phones.map(async (phone, i) => {
        for (let n = 0; n < 3; n += 1) {
          const submit = { questionId: 'pick-one', answerId: makeId('ans'), value: { options: [(i + n) % 3] } };
          const { acknowledged: ok } = await answerUntilAcknowledged(phone, submit, deadline);
          if (ok) acknowledged.push(submit.answerId);
          // A third of the way through, Redis dies; it comes back from its AOF.
          if (acknowledged.length === PHONES && !crash) crash = redis!.crashAndRestart();
        }
      }),
    );
    await crash;
    expect(crash).toBeDefined();
    expect(acknowledged).toHaveLength(PHONES * 3);
    const logged = new Set((await readSessionLog(redis!.url)).entries.flatMap((entry) => (entry.record.kind === 'answer' ? [entry.record.answerId] : [])));
    expect(acknowledged.filter((answerId) => !logged.has(answerId))).toEqual([]);
    await expectEveryNodeEqualsAFreshReplay([a!.url, b!.url]);
    const replay = await freshReplay(redis!.url);
    expect(replay.results['pick-one']!.responses).toBe(PHONES);
  });

  it('acknowledges nothing while Redis is paused (SIGSTOP 5 s), says degraded, and resumes after SIGCONT', async () => {
    const { nodes: [a, b], presenter, joinCode } = await cluster(2);
    const [phone] = await phonesOn(b!.url, joinCode, 1);
    const banner = nextEvent(presenter, 'storage', (status) => !status.ok, 15_000);
    redis!.signal('SIGSTOP');
    const pausedAt = Date.now();
    const submit = { questionId: 'pick-one', answerId: makeId('ans'), value: { options: [2] } };
    const during = await phone!.timeout(8000).emitWithAck('answer:submit', submit);
    expect(during.ok).toBe(false);
    expect(!during.ok && during.code).toBe('unavailable');
    const health = await fetch(`${b!.url}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string; problems: string[] }).problems.join()).toContain('Redis at redis://127.0.0.1');
    // The console on the other node learns it when its own writes fail: the presenter moves on.
    void presenter.timeout(8000).emitWithAck('slide:go', { h: 2, v: 0, f: -1 }).catch(() => undefined);
    expect((await banner)[0].problems[0]!.message).toContain('not being saved');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5000 - (Date.now() - pausedAt))));
    // The slide kept for Redis is written again by itself: the banner goes.
    const recovered = nextEvent(presenter, 'storage', (status) => status.ok, 15_000);
    redis!.signal('SIGCONT');
    const after = await answerUntilAcknowledged(phone!, submit, Date.now() + 20_000);
    expect(after.acknowledged).toBe(true);
    await recovered;
    expect((await fetch(`${a!.url}/healthz`)).status).toBe(200);
    await expectEveryNodeEqualsAFreshReplay([a!.url, b!.url]);
    expect((await freshReplay(redis!.url)).results['pick-one']!.responses).toBe(1);
  });

  it('stops when asked while Redis is paused: the organiser is not held hostage by a Redis that does not answer', async () => {
    const { nodes: [node] } = await cluster(1);
    redis!.signal('SIGSTOP');
    try {
      // stop() fails the test if the node has not exited 30 s after SIGTERM.
      expect(await node!.stop(), node!.output()).toBe(0);
      nodes.splice(nodes.indexOf(node!), 1);
      // Closed, not abandoned: no connection left open for the process to be cut off from.
      expect(node!.output()).not.toContain('still open after the command finished');
    } finally {
      redis!.signal('SIGCONT');
    }
  });

  it('gives a nickname to one phone only when two phones on two nodes take it in the same instant', async () => {
    const { nodes: [a, b], joinCode } = await cluster(2);
    const first = makeId('first');
    const second = makeId('second');
    const onA = await phone(a!.url, joinCode, first);
    const onB = await phone(b!.url, joinCode, second);

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
    for (const node of [a!, b!]) {
      expect((await nicknameOn(node.url, joinCode, winner))?.toLowerCase()).toBe('ada');
      expect(await nicknameOn(node.url, joinCode, other)).toBeNull();
    }
    const replay = comparable(await freshReplay(redis!.url));
    for (const node of [a!, b!]) expect(comparable(await presenterState(node.url))).toEqual(replay);
  });

  it("floats a phone's reaction on the projectors of every node, the phone's own and the others'", async () => {
    const { nodes: [a, b], joinCode } = await cluster(2);
    const projectorA = (await connectClient(a!.url, { role: 'display' })).socket;
    const projectorB = (await connectClient(b!.url, { role: 'display' })).socket;
    sockets.push(projectorA, projectorB);
    const onB = await phone(b!.url, joinCode, makeId('reacts-on-b'));
    const onA = await phone(a!.url, joinCode, makeId('reacts-on-a'));

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

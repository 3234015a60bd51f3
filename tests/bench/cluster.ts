/**
 * The scale-out bench: one handsup node alone (SQLite) against two nodes joined to one
 * Redis (its own redis-server on a free loopback port and temporary folder, persisting
 * as handsup requires: appendonly yes, appendfsync always, noeviction), with the same
 * swarm, in the same run, alternating so the shared machine's noise shows.
 *
 * Phones (in worker processes) are all on node B; the console is on node A. Each phone
 * answers twice: once in a burst (every phone at the same moment: answers/s and ack
 * latency) and once spread over --spread-ms (a room answering: answer → console latency).
 * Alone, phones and console are on the one node.
 *
 *   npm run bench:cluster -- [--clients 2000] [--workers 2] [--rounds 2] [--spread-ms 5000] [--profile DIR]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { questionOpenOn } from '../support/cluster.ts';
import { startRedis } from '../support/redis-process.ts';
import { TEST_PRESENTER_KEY } from '../support/server-process.ts';
import { cpuMs, percentile, startProcess, type ServerUnderTest } from './bench-process.ts';
import { now } from './swarm-protocol.ts';
import { Swarm, toConsoleMs, type SwarmRound } from './swarm.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    'spread-ms': { type: 'string', default: '5000' },
    /** A folder: every node writes a V8 CPU profile there (node --cpu-prof). */
    profile: { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const WORKERS = Number(values.workers);
const ROUNDS = Math.max(1, Number(values.rounds));
const SPREAD_MS = Number(values['spread-ms']);
const KEY = TEST_PRESENTER_KEY;
const DECK = 'tests/fixtures/live-deck.md';
/** The burst answers this question, the spread one the next (both single-choice-like polls of the deck). */
const BURST = { questionId: 'pick-one', position: { h: 1, v: 0, f: -1 }, options: 3 };
const SPREAD = { questionId: 'pick-several', position: { h: 2, v: 0, f: -1 }, options: 4 };
/** The whole bench gives up (and says so) after this long: it never hangs a terminal or CI. */
const WATCHDOG_MS = 15 * 60_000;

interface Setup {
  label: string;
  consoleUrl: string;
  phoneUrl: string;
  /** The processes whose CPU is counted: the nodes, and Redis. */
  nodes: number[];
  redis?: number;
  stop(): Promise<void>;
}

const running: ServerUnderTest[] = [];

async function startNode(args: string[]): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-'));
  const node = await startProcess(
    [...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []), 'bin/handsup.mjs', 'start', '--host', '127.0.0.1', '--port', '0', '--deck', DECK, '--data', dataDir, '--joins-per-minute', '0', ...args],
    { HANDSUP_PRESENTER_KEY: KEY },
  );
  running.push(node);
  node.child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return node;
}

async function stopNode(node: ServerUnderTest): Promise<void> {
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGTERM');
  await exited;
  running.splice(running.indexOf(node), 1);
}

async function oneNode(): Promise<Setup> {
  const node = await startNode([]);
  return { label: 'one node', consoleUrl: node.url, phoneUrl: node.url, nodes: [node.child.pid!], stop: () => stopNode(node) };
}

async function twoNodesAndRedis(): Promise<Setup> {
  const redis = await startRedis();
  const a = await startNode(['--redis', redis.url]);
  const b = await startNode(['--redis', redis.url]);
  return {
    label: '2 nodes + Redis',
    consoleUrl: a.url,
    phoneUrl: b.url,
    nodes: [a.child.pid!, b.child.pid!],
    redis: redis.child().pid!,
    stop: async () => {
      await Promise.all([stopNode(a), stopNode(b)]);
      await redis.stop();
    },
  };
}

interface Measured {
  round: SwarmRound;
  toConsoleP99: number;
  counted: number | undefined;
  nodeCpuPerAnswerUs: number;
  /** The same, node by node (A, the console's, first). */
  perNodeCpuUs: number[];
  redisCpuPerAnswerUs: number;
}

/** The console's view of one question: every results message, when it came and what it counted. */
function watchResults(presenter: Socket, questionId: string) {
  const seen: { at: number; responses: number }[] = [];
  let waiting: { responses: number; resolve: () => void } | undefined;
  const listener = (results: { questionId: string; responses: number }) => {
    if (results.questionId !== questionId) return;
    seen.push({ at: now(), responses: results.responses });
    if (waiting && results.responses >= waiting.responses) waiting.resolve();
  };
  presenter.on('results', listener);
  return {
    seen,
    /** Resolves once the console counted `responses`, or after `limitMs` (what it saw is what is measured). */
    reached: (responses: number, limitMs: number) =>
      new Promise<void>((resolve) => {
        if ((seen.at(-1)?.responses ?? 0) >= responses) return resolve();
        const timer = setTimeout(resolve, limitMs);
        waiting = { responses, resolve: () => (clearTimeout(timer), resolve()) };
      }),
    stop: () => presenter.off('results', listener),
  };
}

async function measure(setup: Setup, presenter: Socket, swarm: Swarm, question: typeof BURST, tag: string, spreadMs: number): Promise<Measured> {
  const moved = await presenter.timeout(10_000).emitWithAck('slide:go', question.position);
  if (!moved.ok) throw new Error(`the presenter could not move to ${question.questionId}: ${JSON.stringify(moved)}`);
  // Node B opens it once its tail has folded the presenter's move on node A.
  await questionOpenOn(setup.phoneUrl, question.questionId);
  const results = watchResults(presenter, question.questionId);
  const cpuBefore = setup.nodes.map((pid) => cpuMs(pid));
  const redisBefore = setup.redis ? cpuMs(setup.redis) : 0;
  const round = await swarm.answer(question.questionId, tag, spreadMs);
  await results.reached(round.acked, 10_000);
  const perNodeCpu = setup.nodes.map((pid, i) => cpuMs(pid) - cpuBefore[i]!);
  const nodeCpu = perNodeCpu.reduce((sum, ms) => sum + ms, 0);
  const redisCpu = setup.redis ? cpuMs(setup.redis) - redisBefore : NaN;
  results.stop();
  const state = await presenter.timeout(10_000).emitWithAck('state:sync');
  const answers = Math.max(1, round.acked);
  return {
    round,
    toConsoleP99: percentile(toConsoleMs(round.sentAt, results.seen, round.acked), 99),
    counted: state.ok ? state.view.results[question.questionId]?.responses : undefined,
    nodeCpuPerAnswerUs: (nodeCpu * 1000) / answers,
    perNodeCpuUs: perNodeCpu.map((ms) => (ms * 1000) / answers),
    redisCpuPerAnswerUs: (redisCpu * 1000) / answers,
  };
}

/** A presenter console on a node, once it has its first state. */
async function openConsole(url: string): Promise<Socket> {
  const socket: Socket = io(url, { auth: { role: 'presenter', key: KEY }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => socket.once('state', () => resolve()));
  return socket;
}

async function benchSetup(start: () => Promise<Setup>, roundNumber: number) {
  const setup = await start();
  try {
    const presenter = await openConsole(setup.consoleUrl);
    const { joinCode } = (await (await fetch(`${setup.phoneUrl}/healthz`)).json()) as { joinCode: string };
    const swarm = await Swarm.connect({ url: setup.phoneUrl, joinCode, questionId: BURST.questionId, optionCount: BURST.options, runId: `r${roundNumber}${Date.now().toString(36)}` }, CLIENTS, WORKERS);
    try {
      const burst = await measure(setup, presenter, swarm, BURST, 'b', 0);
      const spread = await measure(setup, presenter, swarm, SPREAD, 's', SPREAD_MS);
      return { label: setup.label, connected: swarm.connected, connectMs: swarm.connectMs, errors: [...swarm.errors, ...burst.round.errors, ...spread.round.errors], burst, spread };
    } finally {
      presenter.close();
      await swarm.close();
    }
  } finally {
    await setup.stop();
  }
}

type Run = Awaited<ReturnType<typeof benchSetup>>;
const fmt = (n: number | undefined, digits = 0) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const withUnit = (n: number, unit: string, digits: number) => (Number.isFinite(n) ? `${fmt(n, digits)}${unit}` : '—');
/** The middle value; of an even count, the mean of the two middle ones. */
const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
};

const watchdog = setTimeout(() => {
  console.error(`bench:cluster: still running after ${WATCHDOG_MS / 60_000} min: giving up`);
  for (const node of running) node.child.kill('SIGKILL');
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

console.log(`cluster bench: ${CLIENTS} phones in ${WORKERS} worker processes, ${ROUNDS} rounds (one node / 2 nodes + Redis, alternating), deck ${DECK}`);
const alone: Run[] = [];
const cluster: Run[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  // Alternating which goes first, so a load that comes or goes falls on both.
  const order = round % 2 === 1 ? (['alone', 'cluster'] as const) : (['cluster', 'alone'] as const);
  for (const which of order) {
    const run = which === 'alone' ? await benchSetup(oneNode, round) : await benchSetup(twoNodesAndRedis, round);
    (which === 'alone' ? alone : cluster).push(run);
    console.log(
      `round ${round}, ${run.label}: ${run.connected}/${CLIENTS} connected in ${fmt(run.connectMs)} ms; burst ${fmt(run.burst.round.answersPerSecond)} answers/s, ack p50/p99 ${fmt(run.burst.round.ackP50)}/${fmt(run.burst.round.ackP99)} ms, ` +
        `→ console p99 ${fmt(run.burst.toConsoleP99)} ms; over ${SPREAD_MS} ms → console p99 ${fmt(run.spread.toConsoleP99)} ms; ` +
        `CPU per answer: nodes ${fmt(run.burst.nodeCpuPerAnswerUs)} µs (${run.burst.perNodeCpuUs.map((us) => fmt(us)).join(' + ')}), Redis ${withUnit(run.burst.redisCpuPerAnswerUs, ' µs', 0)}`,
    );
  }
}

const row = (name: string, value: (run: Run) => number, unit: string, digits = 0): [string, string, string] => [
  name,
  withUnit(median(alone.map(value)), unit, digits),
  withUnit(median(cluster.map(value)), unit, digits),
];
const rows: [string, string, string][] = [
  ['phones connected (last round)', `${alone.at(-1)!.connected}/${CLIENTS}`, `${cluster.at(-1)!.connected}/${CLIENTS}`],
  row('burst: answers/s', (r) => r.burst.round.answersPerSecond, ''),
  row('burst: ack p50', (r) => r.burst.round.ackP50, ' ms'),
  row('burst: ack p99', (r) => r.burst.round.ackP99, ' ms'),
  row('burst: answer → console p99', (r) => r.burst.toConsoleP99, ' ms'),
  row(`over ${SPREAD_MS} ms: ack p99`, (r) => r.spread.round.ackP99, ' ms'),
  row(`over ${SPREAD_MS} ms: answer → console p99`, (r) => r.spread.toConsoleP99, ' ms'),
  row('burst: node CPU per answer (all nodes)', (r) => r.burst.nodeCpuPerAnswerUs, ' µs'),
  row('burst: Redis CPU per answer', (r) => r.burst.redisCpuPerAnswerUs, ' µs'),
  row(`over ${SPREAD_MS} ms: node CPU per answer`, (r) => r.spread.nodeCpuPerAnswerUs, ' µs'),
  row(`over ${SPREAD_MS} ms: Redis CPU per answer`, (r) => r.spread.redisCpuPerAnswerUs, ' µs'),
];
const headers: [string, string, string] = ['', `one node (median of ${ROUNDS})`, `2 nodes + Redis, phones on B, console on A (median of ${ROUNDS})`];
const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((r) => r[column]!.length)));
for (const line of [headers, ...rows]) console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));

const throughputRatio = median(cluster.map((r) => r.burst.round.answersPerSecond)) / median(alone.map((r) => r.burst.round.answersPerSecond));
const crossNodeP99 = median(cluster.map((r) => r.spread.toConsoleP99));
console.log(`answers/s ratio cluster / one node (burst): ${throughputRatio.toFixed(2)} (target ≥ 0.80)`);
console.log(`answer on B → console on A p99 (answers over ${SPREAD_MS} ms): ${fmt(crossNodeP99)} ms (target ≤ 300 ms at ${CLIENTS} phones)`);
// The machine is shared: the one node's own figure in the same run says how much of that is the machine.
const aloneP99 = median(alone.map((r) => r.spread.toConsoleP99));
console.log(`  the same on one node alone in this run: ${fmt(aloneP99)} ms (cluster / one node: ${(crossNodeP99 / aloneP99).toFixed(2)})`);
const errors = [...alone, ...cluster].flatMap((r) => r.errors);
if (errors.length > 0) console.log(`first errors: ${errors.slice(0, 5).join(' | ')}`);

const everyRun = [...alone, ...cluster].flatMap((r) => [r.burst, r.spread]);
const verdicts = [
  everyRun.every((m) => m.round.acked === CLIENTS) ? 'PASS every phone acknowledged, every round' : 'FAIL not every phone acknowledged',
  everyRun.every((m) => m.counted === m.round.acked) ? 'PASS counted on the console == acknowledged' : 'FAIL counted on the console != acknowledged',
  throughputRatio >= 0.8 ? 'PASS cluster answers/s ≥ 0.8 × one node' : 'FAIL cluster answers/s < 0.8 × one node',
  crossNodeP99 <= 300 ? 'PASS answer → console p99 across nodes ≤ 300 ms' : 'FAIL answer → console p99 across nodes > 300 ms',
];
for (const verdict of verdicts) console.log(verdict);
process.exitCode = verdicts.some((verdict) => verdict.startsWith('FAIL')) ? 1 : 0;
clearTimeout(watchdog);

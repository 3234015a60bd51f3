/**
 * The answers benchmark (issue 14): N simulated phones (in worker processes) each answer
 * once. Each round runs, side by side, a bare Socket.IO server that only acknowledges, then
 * handsup with every phone answering at the same moment (the instant burst), then handsup
 * with the answers spread over --spread-ms (the latency run). It prints every figure of
 * every run, each target as a ratio (or difference) against the bare server of the same
 * round with the median over the rounds, whether each target is met, the machine's load
 * (`uptime`) before and after, and checks counted == acknowledged.
 *
 *   npm run bench:answers -- --clients 10000 [--rounds 3] [--workers 4] [--spread-ms 5000] [--quiz]
 *     [--profile DIR]   the servers run under `node --cpu-prof` (profiles written to DIR, a folder per run)
 *
 * For experiments: BENCH_HANDSUP_NODE_ARGS and BENCH_BARE_NODE_ARGS add Node options to either
 * server (`--trace-gc`, `--trace-opt`), BENCH_SERVER_LOG=FILE keeps what the servers print, and
 * BENCH_MARK_SIGNAL=SIGUSR2 sends that signal to the server right before and right after the answers
 * (a `--require`d sampler can start and stop on it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { ROOT } from '../support/server-process.ts';
import { cpuMs, cpuMsByThread, percentile, rssMb, startProcess, threadCpuSpent } from './bench-process.ts';
import { median, targetsOf, verdict, type RoundFigures } from './answers-targets.ts';
import { now } from './swarm-protocol.ts';
import { Swarm, type SwarmRound } from './swarm.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '4' },
    quiz: { type: 'boolean', default: false },
    'spread-ms': { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const WORKERS = Math.max(1, Math.min(Number(values.workers), CLIENTS));
const SPREAD_MS = Number(values['spread-ms']);
// Burst runs alternate bare / handsup this many times; the machine is shared and noisy, so
// the ratio is taken of the medians of runs made side by side.
const ROUNDS = Math.max(1, Number(values.rounds));
const KEY = 'bench-presenter-key-0123456789abcdef';

const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const question = deck.questions.find((q) => (values.quiz ? q.type === 'quiz' : q.id === 'hate-networking'))!;
const slide = deck.slides[question.slideIndex]!;
const optionCount = 'options' in question ? question.options.length : 2;

/**
 * `node --cpu-prof` for a server when --profile DIR is given: one folder per run (DIR/bare-*, DIR/burst-*,
 * DIR/spread-*) with Node's own file names, one per thread (the largest is the main thread's; tsx's loader has one).
 */
function profileArgs(run: 'bare' | 'burst' | 'spread'): string[] {
  return values.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(values.profile, `${run}-${Date.now()}`)}`, '--cpu-prof-interval=250'] : [];
}

/** Node options for a server from an environment variable (see the header), split at spaces. */
function nodeArgsFrom(variable: string): string[] {
  return process.env[variable]?.split(' ').filter(Boolean) ?? [];
}

/** BENCH_MARK_SIGNAL (see the header): the server is told where the answers begin and end. */
function markAnswers(serverPid: number): void {
  const signal = process.env.BENCH_MARK_SIGNAL;
  if (signal) process.kill(serverPid, signal as NodeJS.Signals);
}

interface SwarmRun extends Omit<SwarmRound, 'startedAt'> {
  connectMs: number;
  connected: number;
  presenterP99: number;
  /** Server CPU (user + system) during the answers, per answer, in microseconds. */
  serverCpuPerAnswerUs: number;
  /** The part of it spent on the main (JavaScript) thread; the rest is V8's GC and compiler threads and libuv's. */
  mainThreadCpuPerAnswerUs: number;
  /** Server CPU (ms) during the answers by kind of thread. */
  threadCpu: string;
  /** Server RSS (MB) once every phone is connected, before the answers. */
  connectedRssMb: number;
}

/**
 * `beforeAnswers` runs once every phone is connected: a quiz question is opened only then, so its
 * countdown is not spent on connecting; it returns once every phone has the question on screen.
 */
async function runSwarm(
  url: string,
  joinCode: string,
  runId: string,
  spreadMs: number,
  serverPid: number,
  beforeAnswers: (swarm: Swarm) => Promise<void> = async () => undefined,
): Promise<SwarmRun> {
  const swarm = await Swarm.connect({ url, joinCode, questionId: question.id, optionCount, runId }, CLIENTS, WORKERS);
  try {
    await beforeAnswers(swarm);
    const connectedRssMb = rssMb(serverPid).rss;
    const cpuBefore = cpuMs(serverPid);
    const answersFrom = process.hrtime.bigint() / 1000n;
    const mainCpuBefore = cpuMs(serverPid, serverPid);
    const threadsBefore = cpuMsByThread(serverPid);
    markAnswers(serverPid);
    const round = await swarm.answer(question.id, '', spreadMs);
    markAnswers(serverPid);
    const threadCpu = threadCpuSpent(threadsBefore, cpuMsByThread(serverPid));
    const serverCpuMs = cpuMs(serverPid) - cpuBefore;
    // The measured interval on the monotonic clock the profiles' timestamps use (µs): `WIN=from,to` for a profile reader.
    if (values.profile) console.log(`profile window of ${runId}: ${answersFrom},${process.hrtime.bigint() / 1000n}`);
    const mainThreadCpuMs = cpuMs(serverPid, serverPid) - mainCpuBefore;
    return {
      connectMs: swarm.connectMs,
      connected: swarm.connected,
      acked: round.acked,
      refused: round.refused,
      answersPerSecond: round.answersPerSecond,
      presenterP99: NaN,
      connectedRssMb,
      serverCpuPerAnswerUs: (serverCpuMs * 1000) / Math.max(1, CLIENTS),
      mainThreadCpuPerAnswerUs: (mainThreadCpuMs * 1000) / Math.max(1, CLIENTS),
      threadCpu,
      ackP50: round.ackP50,
      ackP99: round.ackP99,
      sentAt: round.sentAt,
      errors: [...swarm.errors, ...round.errors],
    };
  } finally {
    await swarm.close();
  }
}

async function benchHandsup(spreadMs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-'));
  const server = await startProcess(
    [...profileArgs(spreadMs === 0 ? 'burst' : 'spread'), ...nodeArgsFrom('BENCH_HANDSUP_NODE_ARGS'), 'bin/handsup.mjs', 'start', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--joins-per-minute', '0'],
    { HANDSUP_PRESENTER_KEY: KEY },
  );
  try {
    const { joinCode } = (await (await fetch(`${server.url}/healthz`)).json()) as { joinCode: string };
    const presenter = io(server.url, { auth: { role: 'presenter', key: KEY }, transports: ['websocket'], reconnection: false });
    const seen: { at: number; responses: number }[] = [];
    presenter.on('results', (results: { questionId: string; responses: number }) => {
      if (results.questionId === question.id) seen.push({ at: now(), responses: results.responses });
    });
    await new Promise<void>((resolve) => presenter.once('state', () => resolve()));
    const openQuestion = async (swarm: Swarm) => {
      const moved = await presenter.timeout(10_000).emitWithAck('slide:go', { ...slide.position, f: -1 });
      if (!moved.ok) throw new Error(`presenter could not move: ${JSON.stringify(moved)}`);
      // Phones answer the question they have been shown: the burst starts once every phone has it.
      await swarm.questionShown(question.id);
      await fetch(`${server.url}/healthz?reset`);
    };
    const run = await runSwarm(server.url, joinCode, `run${Date.now().toString(36)}`, spreadMs, server.child.pid!, openQuestion);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the last coalesced results
    const memory = rssMb(server.child.pid!);
    const { eventLoopDelayMs } = (await (await fetch(`${server.url}/healthz`)).json()) as { eventLoopDelayMs: { p99: number; max: number } };
    const state = await presenter.timeout(10_000).emitWithAck('state:sync');
    const counted = state.ok ? state.view.results[question.id]?.responses : undefined;

    // Answer i (in send order) reached the presenter with the first results that counted i+1.
    const sends = [...run.sentAt].sort((a, b) => a - b);
    const toPresenter: number[] = [];
    let cursor = 0;
    for (let i = 0; i < Math.min(sends.length, run.acked); i += 1) {
      while (cursor < seen.length && seen[cursor]!.responses < i + 1) cursor += 1;
      if (cursor >= seen.length) break;
      toPresenter.push(seen[cursor]!.at - sends[i]!);
    }
    toPresenter.sort((a, b) => a - b);
    presenter.close();
    return { run, memory, counted, eventLoopDelayMs, presenterP99: percentile(toPresenter, 99), presenterUpdates: seen.length };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchBare() {
  const server = await startProcess([...profileArgs('bare'), ...nodeArgsFrom('BENCH_BARE_NODE_ARGS'), '--import', 'tsx', 'tests/bench/bare-server.ts'], {});
  try {
    const run = await runSwarm(server.url, 'BARE', `bare${Date.now().toString(36)}`, 0, server.child.pid!);
    // Measured as for handsup: half a second after the last acknowledgement.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { run, memory: rssMb(server.child.pid!) };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

// The server's compiled build is made now, not by the first handsup run (its memory and time would count).
const { compiledCliEntry } = (await import(pathToFileURL(join(ROOT, 'bin/compiled-cli.mjs')).href)) as { compiledCliEntry: () => Promise<string> };
await compiledCliEntry();
console.log(`answers bench: ${CLIENTS} phones in ${WORKERS} worker processes, question "${question.id}" (${question.type}), ${ROUNDS} rounds`);
const loadBefore = load();
console.log(`load before: ${loadBefore}`);
type HandsupRun = Awaited<ReturnType<typeof benchHandsup>>;
type BareRun = Awaited<ReturnType<typeof benchBare>>;
const rounds: { bare: BareRun; burst: HandsupRun; spread: HandsupRun }[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const bare = await benchBare();
  const burst = await benchHandsup(0);
  const spread = await benchHandsup(SPREAD_MS);
  rounds.push({ bare, burst, spread });
  console.log(
    `round ${round + 1}: bare ${fmt(bare.run.answersPerSecond)} answers/s, ${fmt(bare.run.serverCpuPerAnswerUs)} µs CPU each, ack p99 ${fmt(bare.run.ackP99)} ms; ` +
      `handsup ${fmt(burst.run.answersPerSecond)} answers/s, ${fmt(burst.run.serverCpuPerAnswerUs)} µs CPU each, ack p99 ${fmt(burst.run.ackP99)} ms, presenter p99 ${fmt(burst.presenterP99)} ms; ` +
      `spread: presenter p99 ${fmt(spread.presenterP99)} ms (${load().replace(/.*load average/, 'load average')})`,
  );
}

const headers = ['', 'bare burst', 'handsup burst', `handsup over ${SPREAD_MS} ms`];
const rows: string[][] = [];
rounds.forEach(({ bare, burst, spread }, index) => {
  const runs = [bare, burst, spread] as const;
  const cells = (value: (run: BareRun | HandsupRun) => string) => runs.map(value);
  const handsupOnly = (value: (run: HandsupRun) => string) => ['—', value(burst), value(spread)];
  rows.push(
    [`round ${index + 1}: phones connected`, ...cells((r) => `${r.run.connected}/${CLIENTS} in ${fmt(r.run.connectMs)} ms`)],
    ['  answers acknowledged', ...cells((r) => `${r.run.acked} (refused ${r.run.refused})`)],
    ['  answers/s', ...cells((r) => fmt(r.run.answersPerSecond))],
    ['  ack p50 / p99', ...cells((r) => `${fmt(r.run.ackP50)} / ${fmt(r.run.ackP99)} ms`)],
    ['  server CPU per answer (main thread)', ...cells((r) => `${fmt(r.run.serverCpuPerAnswerUs)} µs (${fmt(r.run.mainThreadCpuPerAnswerUs)})`)],
    ['  server CPU by thread (ms)', ...cells((r) => r.run.threadCpu)],
    ['  answer → presenter p99', ...handsupOnly((r) => `${fmt(r.presenterP99)} ms (${r.presenterUpdates} updates)`)],
    ['  event-loop delay p99 / max', ...handsupOnly((r) => `${r.eventLoopDelayMs.p99} / ${r.eventLoopDelayMs.max} ms`)],
    ['  RSS connected / answered (peak)', ...cells((r) => `${fmt(r.run.connectedRssMb)} / ${fmt(r.memory.rss)} MB (${fmt(r.memory.peak)})`)],
  );
});
const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
for (const row of [headers, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));

const figures: RoundFigures[] = rounds.map(({ bare, burst, spread }) => ({
  bare: { answersPerSecond: bare.run.answersPerSecond, cpuPerAnswerUs: bare.run.serverCpuPerAnswerUs, ackP99: bare.run.ackP99, rssMb: bare.memory.rss },
  burst: { answersPerSecond: burst.run.answersPerSecond, cpuPerAnswerUs: burst.run.serverCpuPerAnswerUs, ackP99: burst.run.ackP99, presenterP99: burst.presenterP99, rssMb: burst.memory.rss },
  spread: { presenterP99: spread.presenterP99, ackP99: spread.run.ackP99 },
}));
console.log(
  `medians over ${ROUNDS} rounds: bare ${fmt(median(figures.map((f) => f.bare.answersPerSecond)))} answers/s, ack p99 ${fmt(median(figures.map((f) => f.bare.ackP99)))} ms, ${fmt(median(figures.map((f) => f.bare.rssMb)))} MB; ` +
    `handsup ${fmt(median(figures.map((f) => f.burst.answersPerSecond)))} answers/s, presenter p99 ${fmt(median(figures.map((f) => f.burst.presenterP99)))} ms, ${fmt(median(figures.map((f) => f.burst.rssMb)))} MB`,
);
const handsupRuns = rounds.flatMap((round) => [round.burst, round.spread]);
const errors = rounds.flatMap((round) => [round.bare, round.burst, round.spread]).flatMap((r) => r.run.errors);
if (errors.length > 0) console.log(`first errors: ${errors.slice(0, 5).join(' | ')}`);
console.log(`load after: ${load()}`);

const targets = targetsOf(figures, SPREAD_MS).map(verdict);
for (const target of targets) console.log(target.line);
const checks = [
  handsupRuns.every((r) => r.counted === r.run.acked) ? 'PASS counted == acknowledged' : `FAIL counted != acknowledged (${handsupRuns.map((r) => `${r.counted}/${r.run.acked}`).join(', ')})`,
  [...handsupRuns, ...rounds.map((round) => round.bare)].every((r) => r.run.acked === CLIENTS) ? 'PASS every phone acknowledged' : 'FAIL not every phone acknowledged',
];
for (const check of checks) console.log(check);
const unmet = targets.filter((target) => !target.met).length;
console.log(unmet === 0 ? 'every target met' : `${unmet} of ${targets.length} targets not met`);
process.exitCode = checks.some((check) => check.startsWith('FAIL')) || unmet > 0 ? 1 : 0;

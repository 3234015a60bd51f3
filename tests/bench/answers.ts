/**
 * The answers benchmark: N simulated phones (in worker processes) each answer once,
 * first against handsup, then against a bare Socket.IO server that only acknowledges,
 * in the same run. Prints connect time, answers/s, ack p50/p99, answer-to-presenter
 * p99, server RSS and the throughput ratio, and checks counted == acknowledged.
 *
 * Swarms run against handsup: a burst (every phone answers at the same moment: the
 * throughput run, compared with the bare server's same burst) and a room answering over
 * --spread-ms (the latency run: how long until the presenter sees an answer).
 *
 *   npm run bench:answers -- --clients 10000 [--workers 4] [--spread-ms 5000] [--quiz]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { ROOT } from '../support/server-process.ts';
import { cpuMs, percentile, rssMb, startProcess } from './bench-process.ts';
import { now, type SwarmJob, type WorkerMessage } from './swarm-protocol.ts';
import type { SwarmRound } from './swarm.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '4' },
    quiz: { type: 'boolean', default: false },
    'spread-ms': { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '2' },
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

interface SwarmRun extends Omit<SwarmRound, 'startedAt'> {
  connectMs: number;
  connected: number;
  presenterP99: number;
  /** Server CPU (user + system) during the answers, per answer, in microseconds. */
  serverCpuPerAnswerUs: number;
}

/** `beforeAnswers` runs once every phone is connected: a quiz question is opened only then, so its countdown is not spent on connecting. */
async function runSwarm(
  url: string,
  joinCode: string,
  runId: string,
  spreadMs: number,
  serverPid: number,
  beforeAnswers: () => Promise<void> = async () => undefined,
): Promise<SwarmRun> {
  const workers = Array.from({ length: WORKERS }, () =>
    fork(join(ROOT, 'tests/bench/swarm-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
  );
  const share = Math.ceil(CLIENTS / WORKERS);
  const messages = (kind: WorkerMessage['kind']) =>
    Promise.all(
      workers.map(
        (worker) =>
          new Promise<WorkerMessage>((resolve) => {
            const listener = (message: WorkerMessage) => {
              if (message.kind !== kind) return;
              worker.off('message', listener);
              resolve(message);
            };
            worker.on('message', listener);
          }),
      ),
    );

  const connectedReports = messages('connected');
  workers.forEach((worker, index) => {
    const firstPhone = index * share;
    const job: SwarmJob = { url, joinCode, questionId: question.id, optionCount, phones: Math.max(0, Math.min(share, CLIENTS - firstPhone)), firstPhone, runId };
    worker.send(job);
  });
  const connected = await connectedReports;
  // From the first worker starting to connect to the last phone connected (worker start-up excluded).
  const reports = connected.filter((report) => report.kind === 'connected');
  const connectMs = Math.max(...reports.map((r) => r.doneAt)) - Math.min(...reports.map((r) => r.startedAt));
  const errors = connected.flatMap((report) => (report.kind === 'connected' ? report.errors : []));

  await beforeAnswers();
  const answeredReports = messages('answered');
  const answerStarted = now();
  const cpuBefore = cpuMs(serverPid);
  for (const worker of workers) worker.send({ kind: 'answer', spreadMs, totalPhones: CLIENTS });
  const answered = await answeredReports;
  const serverCpuMs = cpuMs(serverPid) - cpuBefore;
  for (const worker of workers) worker.send({ kind: 'close' });

  const acks: number[] = [];
  const sentAt: number[] = [];
  let acked = 0;
  let refused = 0;
  let lastAckAt = answerStarted;
  for (const report of answered) {
    if (report.kind !== 'answered') continue;
    acks.push(...report.ackMs);
    sentAt.push(...report.sentAt);
    acked += report.acked;
    refused += report.refused;
    lastAckAt = Math.max(lastAckAt, report.lastAckAt);
    errors.push(...report.errors);
  }
  acks.sort((a, b) => a - b);
  return {
    connectMs,
    connected: connected.reduce((sum, report) => sum + (report.kind === 'connected' ? report.connected : 0), 0),
    acked,
    refused,
    answersPerSecond: acked / ((lastAckAt - answerStarted) / 1000),
    presenterP99: NaN,
    serverCpuPerAnswerUs: (serverCpuMs * 1000) / Math.max(1, CLIENTS),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    sentAt,
    errors,
  };
}

async function benchHandsup(spreadMs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-'));
  const server = await startProcess(
    [...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []), 'bin/handsup.mjs', 'start', '--host', '127.0.0.1', '--port', '0', '--data', dataDir],
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
    const openQuestion = async () => {
      const moved = await presenter.timeout(10_000).emitWithAck('slide:go', { ...slide.position, f: -1 });
      if (!moved.ok) throw new Error(`presenter could not move: ${JSON.stringify(moved)}`);
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
  const server = await startProcess(['--import', 'tsx', 'tests/bench/bare-server.ts'], {});
  try {
    const run = await runSwarm(server.url, 'BARE', `bare${Date.now().toString(36)}`, 0, server.child.pid!);
    return { run, memory: rssMb(server.child.pid!) };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

console.log(`answers bench: ${CLIENTS} phones in ${WORKERS} worker processes, question "${question.id}" (${question.type})`);
const burstRuns: Awaited<ReturnType<typeof benchHandsup>>[] = [];
const bareRuns: Awaited<ReturnType<typeof benchBare>>[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  bareRuns.push(await benchBare());
  burstRuns.push(await benchHandsup(0));
  console.log(
    `round ${round + 1}: bare ${fmt(bareRuns.at(-1)!.run.answersPerSecond)} answers/s (${fmt(bareRuns.at(-1)!.run.serverCpuPerAnswerUs)} µs CPU each), handsup ${fmt(burstRuns.at(-1)!.run.answersPerSecond)} answers/s (${fmt(burstRuns.at(-1)!.run.serverCpuPerAnswerUs)} µs CPU each)`,
  );
}
const medianBy = <T>(runs: T[], value: (run: T) => number): T =>
  [...runs].sort((a, b) => value(a) - value(b))[Math.floor((runs.length - 1) / 2)]!;
const burst = medianBy(burstRuns, (r) => r.run.answersPerSecond);
const bare = medianBy(bareRuns, (r) => r.run.answersPerSecond);
const spread = await benchHandsup(SPREAD_MS);
const ratio = burst.run.answersPerSecond / bare.run.answersPerSecond;

const rows: [string, string, string, string][] = [
  ['phones connected', `${burst.run.connected}/${CLIENTS}`, `${bare.run.connected}/${CLIENTS}`, `${spread.run.connected}/${CLIENTS}`],
  ['connect time (all phones)', `${fmt(burst.run.connectMs)} ms`, `${fmt(bare.run.connectMs)} ms`, `${fmt(spread.run.connectMs)} ms`],
  ['answers acknowledged', `${burst.run.acked} (refused ${burst.run.refused})`, `${bare.run.acked} (refused ${bare.run.refused})`, `${spread.run.acked} (refused ${spread.run.refused})`],
  ['answers/s', fmt(burst.run.answersPerSecond), fmt(bare.run.answersPerSecond), fmt(spread.run.answersPerSecond)],
  ['ack p50 / p99', `${fmt(burst.run.ackP50)} / ${fmt(burst.run.ackP99)} ms`, `${fmt(bare.run.ackP50)} / ${fmt(bare.run.ackP99)} ms`, `${fmt(spread.run.ackP50)} / ${fmt(spread.run.ackP99)} ms`],
  ['server CPU per answer', `${fmt(burst.run.serverCpuPerAnswerUs)} µs`, `${fmt(bare.run.serverCpuPerAnswerUs)} µs`, `${fmt(spread.run.serverCpuPerAnswerUs)} µs`],
  ['answer → presenter p99', `${fmt(burst.presenterP99)} ms`, '—', `${fmt(spread.presenterP99)} ms`],
  ['server event-loop delay p99 / max', `${burst.eventLoopDelayMs.p99} / ${burst.eventLoopDelayMs.max} ms`, '—', `${spread.eventLoopDelayMs.p99} / ${spread.eventLoopDelayMs.max} ms`],
  ['server RSS (peak)', `${fmt(burst.memory.rss)} MB (${fmt(burst.memory.peak)} MB)`, `${fmt(bare.memory.rss)} MB (${fmt(bare.memory.peak)} MB)`, `${fmt(spread.memory.rss)} MB (${fmt(spread.memory.peak)} MB)`],
];
const headers = ['', `handsup burst (median of ${ROUNDS})`, `bare burst (median of ${ROUNDS})`, `handsup over ${SPREAD_MS} ms`];
const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
for (const row of [headers, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | '));
console.log(`throughput ratio handsup/bare (burst): ${ratio.toFixed(2)} (target ≥ 0.60)`);
console.log(`counted by the server: ${burst.counted} and ${spread.counted}; acknowledged: ${burst.run.acked} and ${spread.run.acked}`);
const errors = [...burst.run.errors, ...bare.run.errors, ...spread.run.errors];
if (errors.length > 0) console.log(`first errors: ${errors.slice(0, 5).join(' | ')}`);

const verdicts = [
  [...burstRuns, spread].every((r) => r.counted === r.run.acked) ? 'PASS counted == acknowledged' : 'FAIL counted != acknowledged',
  [...burstRuns, spread].every((r) => r.run.acked === CLIENTS) ? 'PASS every phone acknowledged' : 'FAIL not every phone acknowledged',
  ratio >= 0.6 ? 'PASS throughput ratio ≥ 0.6' : 'FAIL throughput ratio < 0.6',
  spread.presenterP99 <= 250 ? `PASS answer → presenter p99 ≤ 250 ms (answers over ${SPREAD_MS} ms)` : `FAIL answer → presenter p99 > 250 ms (answers over ${SPREAD_MS} ms)`,
];
for (const verdict of verdicts) console.log(verdict);
process.exitCode = verdicts.some((verdict) => verdict.startsWith('FAIL')) ? 1 : 0;

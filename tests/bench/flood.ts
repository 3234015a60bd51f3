/**
 * The flood benchmark: 200 phones answer a poll (spread over two seconds) while the server
 * is left alone, while one phone floods it with answers on one socket, and while one phone
 * floods it on 50 sockets, in the same run and in turns (the machine is shared and noisy;
 * each figure is the median of the rounds). Prints each case's answer ack p50/p99, the
 * event-loop delay p99, and the ratios to the quiet case (target: p99 within 2×).
 *
 *   npm run bench:flood -- [--phones 200] [--rounds 3] [--flood-rate 12000]
 *
 * Every round's 200 phones are new participants from one address, so the server runs with
 * --joins-per-minute 0: the join limit is another test's subject, not this one's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { ROOT } from '../support/server-process.ts';
import { percentile, startProcess } from './bench-process.ts';
import type { FloodJob, FloodReport } from './flood-worker.ts';
import type { SwarmJob, WorkerMessage } from './swarm-protocol.ts';

const { values } = parseArgs({
  options: {
    phones: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    'flood-rate': { type: 'string', default: '12000' },
    'spread-ms': { type: 'string', default: '2000' },
  },
});
const PHONES = Number(values.phones);
const ROUNDS = Math.max(1, Number(values.rounds));
const FLOOD_RATE = Number(values['flood-rate']);
const SPREAD_MS = Number(values['spread-ms']);
const KEY = 'bench-presenter-key-0123456789abcdef';
const QUESTION_ID = 'hate-networking';

type Case = 'alone' | 'one flooding socket' | 'one phone on 50 sockets';
const CASES: { name: Case; sockets: number }[] = [
  { name: 'alone', sockets: 0 },
  { name: 'one flooding socket', sockets: 1 },
  { name: 'one phone on 50 sockets', sockets: 50 },
];

interface Round {
  p50: number;
  p99: number;
  acked: number;
  loopP99: number;
  floodPerSecond: number;
}

const once = <T>(child: ChildProcess, accept: (message: T) => boolean) =>
  new Promise<T>((resolve) => {
    const listener = (message: T) => {
      if (!accept(message)) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
  });

const forkTs = (file: string) => fork(join(ROOT, file), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });

async function runCase(url: string, joinCode: string, sockets: number, runId: string): Promise<Round> {
  let flooder: ChildProcess | undefined;
  if (sockets > 0) {
    flooder = forkTs('tests/bench/flood-worker.ts');
    const job: FloodJob = { url, joinCode, participantId: `${runId}-flooder`, sockets, perSecond: FLOOD_RATE };
    const ready = once<FloodReport>(flooder, (message) => message.kind === 'ready');
    flooder.send(job);
    await ready;
    flooder.send({ kind: 'start' });
  }
  const swarm = forkTs('tests/bench/swarm-worker.ts');
  const connected = once<WorkerMessage>(swarm, (message) => message.kind === 'connected');
  const job: SwarmJob = { url, joinCode, questionId: QUESTION_ID, optionCount: 3, phones: PHONES, firstPhone: 0, runId };
  swarm.send(job);
  await connected;
  await fetch(`${url}/healthz?reset`);
  const answered = once<WorkerMessage>(swarm, (message) => message.kind === 'answered');
  swarm.send({ kind: 'answer', spreadMs: SPREAD_MS, totalPhones: PHONES });
  const report = await answered;
  const { eventLoopDelayMs } = (await (await fetch(`${url}/healthz`)).json()) as { eventLoopDelayMs: { p99: number } };
  swarm.send({ kind: 'close' });
  let floodPerSecond = 0;
  if (flooder) {
    const done = once<FloodReport>(flooder, (message) => message.kind === 'done');
    flooder.send({ kind: 'stop' });
    const flood = await done;
    if (flood.kind === 'done') floodPerSecond = flood.sent / flood.seconds;
  }
  if (report.kind !== 'answered') throw new Error('no answers report');
  if (report.acked !== PHONES) console.error(`  ${report.acked} of ${PHONES} answers acknowledged: ${report.errors.join('; ')}`);
  const acks = [...report.ackMs].sort((a, b) => a - b);
  return { p50: percentile(acks, 50), p99: percentile(acks, 99), acked: report.acked, loopP99: eventLoopDelayMs.p99, floodPerSecond };
}

const median = (numbers: number[]) => percentile([...numbers].sort((a, b) => a - b), 50);
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-flood-'));
  const server = await startProcess(
    ['bin/handsup.mjs', 'start', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--deck', DEFAULT_DECK_FILE, '--joins-per-minute', '0'],
    { HANDSUP_PRESENTER_KEY: KEY },
  );
  try {
    const { joinCode } = (await (await fetch(`${server.url}/healthz`)).json()) as { joinCode: string };
    const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
    const slide = deck.slides[deck.questions.find((question) => question.id === QUESTION_ID)!.slideIndex]!;
    const presenter = io(server.url, { auth: { role: 'presenter', key: KEY }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => presenter.once('state', () => resolve()));
    const moved = await presenter.timeout(10_000).emitWithAck('slide:go', { ...slide.position, f: -1 });
    if (!moved.ok) throw new Error(`the presenter could not open the poll: ${JSON.stringify(moved)}`);

    const results = new Map<Case, Round[]>(CASES.map(({ name }) => [name, []]));
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const { name, sockets } of CASES) {
        const measured = await runCase(server.url, joinCode, sockets, `r${round}${name.length}${Date.now().toString(36)}`);
        results.get(name)!.push(measured);
        console.log(`round ${round}, ${name.padEnd(24)} p50 ${ms(measured.p50)}  p99 ${ms(measured.p99)}  loop p99 ${ms(measured.loopP99)}${sockets ? `  flood ${measured.floodPerSecond.toFixed(0)} msgs/s` : ''}`);
      }
    }
    presenter.close();

    const summary = CASES.map(({ name }) => {
      const rounds = results.get(name)!;
      return { name, p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), loopP99: median(rounds.map((r) => r.loopP99)), flood: median(rounds.map((r) => r.floodPerSecond)) };
    });
    const alone = summary[0]!;
    console.log(`\n${PHONES} phones answering over ${SPREAD_MS} ms, medians of ${ROUNDS} rounds (flood target ${FLOOD_RATE} msgs/s):`);
    for (const row of summary) {
      const ratios = row === alone ? '' : `   p50 ×${(row.p50 / alone.p50).toFixed(2)}  p99 ×${(row.p99 / alone.p99).toFixed(2)}${row.p99 / alone.p99 <= 2 ? ' (target ≤ 2: met)' : ' (target ≤ 2: MISSED)'}`;
      console.log(`  ${row.name.padEnd(24)} p50 ${ms(row.p50)}  p99 ${ms(row.p99)}  event-loop p99 ${ms(row.loopP99)}${row.flood ? `  flood sent ${row.flood.toFixed(0)}/s` : ''}${ratios}`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * CLI start-up benchmark: `npm run bench:cli` (or `npx tsx tests/bench/cli.ts [--runs N]`).
 *
 * - check: `handsup check` on the built-in talk against `node -e 0`, wall time of the whole
 *   process, alternating, N runs each (default 5): the ratio of the medians (target ≤ 3×);
 *   and the same in CPU time (Linux), which a busy machine inflates less.
 * - start: `handsup start` on the built-in talk with the pages built and a fresh data folder,
 *   from launching the process to `/healthz` answering 200 (polled every 5 ms), N runs:
 *   the median (target ≤ 1.5 s), and the CPU time the process had used by then (Linux: from
 *   /proc), which a busy machine inflates less than the wall time.
 * Both run the CLI the way users do (`node bin/handsup.mjs`, the compiled build); the build
 * is brought up to date first, outside the timings. The machine is shared and noisy: the
 * check runs alternate so both sides see the same noise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { assetsAreBuilt, buildAssets } from '../../server/build-assets.ts';
import { ROOT } from '../support/server-process.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const TALK = 'slides/talks/three-networking-disconnects.md';

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${Math.round(value)} ms`;

/** CPU time (user + system, ms) of this process's finished children so far (Linux: /proc), or NaN elsewhere. */
function childrenCpuTime(): number {
  try {
    // Fields 16 and 17 of /proc/self/stat (cutime, cstime), after the parenthesised command name; 100 ticks a second.
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs node with args to its exit: wall and CPU ms. */
function timedRun(args: string[]): { wall: number; cpu: number } {
  const cpuBefore = childrenCpuTime();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  return { wall, cpu: childrenCpuTime() - cpuBefore };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function healthzAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** User + system CPU time a running process has used, in ms (Linux), or NaN elsewhere. */
function cpuTimeOf(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name; in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Launch → `/healthz` 200: wall and CPU ms; the server is stopped (SIGTERM) before it resolves. */
async function startRun(): Promise<{ wall: number; cpu: number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-cli-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/handsup.mjs', 'start', '--deck', TALK, '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    while (!(await healthzAnswers(`http://127.0.0.1:${port}/healthz`))) {
      if (child.exitCode !== null) throw new Error(`handsup start exited with ${child.exitCode}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { wall: performance.now() - started, cpu: cpuTimeOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Untimed: the compiled CLI up to date (the first run compiles it), the pages built.
timedRun(['bin/handsup.mjs', 'check', TALK]);
if (!assetsAreBuilt()) await buildAssets(console.log);

const nodeRuns: { wall: number; cpu: number }[] = [];
const checkRuns: { wall: number; cpu: number }[] = [];
for (let run = 0; run < RUNS; run += 1) {
  nodeRuns.push(timedRun(['-e', '0']));
  checkRuns.push(timedRun(['bin/handsup.mjs', 'check', TALK]));
}
const nodeTimes = nodeRuns.map((run) => run.wall);
const checkTimes = checkRuns.map((run) => run.wall);
const cpuRatio = median(checkRuns.map((run) => run.cpu)) / median(nodeRuns.map((run) => run.cpu));
const startTimes: number[] = [];
const startCpu: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const { wall, cpu } = await startRun();
  startTimes.push(wall);
  startCpu.push(cpu);
}

const checkRatio = median(checkTimes) / median(nodeTimes);
const startMedian = median(startTimes);
console.log(`node -e 0:                   median ${ms(median(nodeTimes))}  (${nodeTimes.map(ms).join(', ')})`);
console.log(`handsup check (built-in):    median ${ms(median(checkTimes))}  (${checkTimes.map(ms).join(', ')})`);
console.log(`check / node -e 0: ${checkRatio.toFixed(2)}× (target ≤ 3×)${checkRatio <= 3 ? '' : '  OVER TARGET'}`);
console.log(`  in CPU time: check median ${ms(median(checkRuns.map((run) => run.cpu)))}, node -e 0 ${ms(median(nodeRuns.map((run) => run.cpu)))}: ${cpuRatio.toFixed(2)}×`);
console.log(`handsup start → /healthz 200: median ${ms(startMedian)}  (${startTimes.map(ms).join(', ')}) (target ≤ 1500 ms)${startMedian <= 1500 ? '' : '  OVER TARGET'}`);
console.log(`  CPU used by then: median ${ms(median(startCpu))}  (${startCpu.map(ms).join(', ')})`);

import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../support/server-process.ts';

export interface ServerUnderTest {
  child: ChildProcess;
  url: string;
}

/** The value at percentile `p` (0–100) of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Starts a server process and resolves once it prints its projector address. */
export async function startProcess(command: string[], env: NodeJS.ProcessEnv): Promise<ServerUnderTest> {
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, chunk);
      output += chunk.toString();
      const match = /Projector:\s+http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** CPU time (user + system, ms) the process (or one of its threads) has used so far. */
export function cpuMs(pid: number, thread?: number): number {
  return cpuMsOfStat(readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8'));
}

/** utime + stime (ms) of a /proc stat line: fields 14 and 15, in clock ticks (100 per second). */
function cpuMsOfStat(stat: string): number {
  const fields = stat.split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (ms) of each kind of thread of a process so far, by the thread's name (V8's GC and compiler workers, libuv's pool, the main thread). */
export function cpuMsByThread(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
      const name = Number(thread) === pid ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
      byName.set(name, (byName.get(name) ?? 0) + cpuMsOfStat(stat));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return byName;
}

/** What each kind of thread spent between two readings of cpuMsByThread, largest first: "main 710, node 300" (Node's V8 worker threads are named "node"). */
export function threadCpuSpent(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([name, ms]) => [name, ms - (before.get(name) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name.trim()} ${ms}`)
    .join(', ');
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAPROXY, systemTool } from './ensure-system-tools.ts';
import { freePort } from './redis-process.ts';
import { ROOT } from './server-process.ts';

/** The documented configuration, with a loopback port to bind and these nodes as its servers. */
export function haproxyConfig(port: number, nodePorts: number[]): string {
  const documented = readFileSync(join(ROOT, 'docs/scale-out.haproxy.cfg'), 'utf8');
  const lines = documented.split('\n').filter((line) => !/^\s*server\s/.test(line));
  const servers = nodePorts.map((nodePort, i) => `    server node${i + 1} 127.0.0.1:${nodePort} cookie node${i + 1}`);
  return [...lines.map((line) => line.replace(/^(\s*)bind \*:80$/, `$1bind 127.0.0.1:${port}`)), ...servers, ''].join('\n');
}

export interface HaproxyProcess {
  url: string;
  stop(): Promise<void>;
}

/** HAProxy in the foreground on a free loopback port, in front of the given nodes. */
export async function startHaproxy(nodePorts: number[]): Promise<HaproxyProcess> {
  const executable = systemTool(HAPROXY);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'handsup-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(port, nodePorts));
  const check = spawn(executable, ['-c', '-f', file], { stdio: 'pipe' });
  const checked = await new Promise<number | null>((resolve) => check.once('exit', resolve));
  if (checked !== 0) throw new Error(`haproxy rejected ${file}`);
  const child: ChildProcess = spawn(executable, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let running = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => ((running = false), resolve())));
  const url = `http://127.0.0.1:${port}`;
  // Ready once it forwards to a node (its health checks must have passed); bounded for a
  // machine whose cores are shared, and said with HAProxy's own output when it never does.
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then((res) => res.status === 200, () => false);
    if (ok) break;
    if (!running || Date.now() > giveUpAt) throw new Error(`haproxy did not forward to a node:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REDIS, systemTool } from './ensure-system-tools.ts';

/** A free loopback port: bound once by the OS, then released for the child to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisProcess {
  url: string;
  port: number;
  dir: string;
  child(): ChildProcess;
  /** SIGKILL, then start again on the same port and folder: it reloads from its AOF. */
  crashAndRestart(): Promise<void>;
  kill(): Promise<void>;
  start(): Promise<void>;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/**
 * A private redis-server for one test: its own free port and temporary folder, persisting
 * the way handsup requires (AOF, fsync on every write, no eviction).
 */
export async function startRedis(options: { persistent?: boolean } = {}): Promise<RedisProcess> {
  const executable = systemTool(REDIS);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'handsup-redis-'));
  const persistence = options.persistent === false
    ? ['--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru']
    : ['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const start = async () => {
    output = '';
    const started = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        // Ready once the AOF (if any) is loaded and it accepts connections.
        if (/Ready to accept connections/.test(output)) {
          started.stdout!.off('data', check);
          resolve();
        }
      };
      started.stdout!.on('data', check);
      void exited.then(() => reject(new Error(`redis-server exited before it was ready:\n${output}`)));
    });
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    child: () => child!,
    start,
    kill,
    crashAndRestart: async () => {
      await kill();
      await start();
    },
    signal: (signal) => child?.kill(signal),
    stop: async () => {
      child?.kill('SIGCONT');
      child?.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}


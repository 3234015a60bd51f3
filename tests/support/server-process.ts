import { spawn, type ChildProcess } from 'node:child_process';
import { watchOutput, type ChildOutput } from './child-output.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Far beyond a normal stop (well under a second), short of the hook's own timeout. */
const STOP_LIMIT_MS = 30_000;

export const TEST_PRESENTER_KEY = 'test-presenter-key-0123456789abcdef';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  /** Resolves with the first match of `pattern` in what the server printed, once it prints it; rejects if it exits first. */
  printed: ChildOutput['printed'];
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the crash test. */
  kill(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'handsup-test-'));
}

/** Starts `handsup start` as a child process on 127.0.0.1 and an ephemeral port. */
export async function startServer(
  options: { dataDir?: string; deck?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const args = ['bin/handsup.mjs', 'start', '--host', '127.0.0.1', '--port', '0', '--data', dataDir];
  if (options.deck) args.push('--deck', options.deck);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HANDSUP_PRESENTER_KEY: TEST_PRESENTER_KEY, PORT: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = watchOutput(child, 'the server');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // Either the server prints its address or it exits; a start that hangs is stopped by the
  // test's (or hook's) own timeout, not by a guess here of how long a start may take.
  const [, port] = await output.printed(/Projector:\s+http:\/\/[^:]+:(\d+)\//);

  return {
    child,
    port: Number(port),
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: output.text,
    printed: output.printed,
    stop: async () => {
      child.kill('SIGTERM');
      // A server that does not stop fails the test that stops it, with what it printed (not a hook's silent timeout).
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), STOP_LIMIT_MS)));
      const outcome = await Promise.race([exited, hung]);
      clearTimeout(timer);
      if (outcome !== 'hung') return outcome;
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the server did not exit within ${STOP_LIMIT_MS / 1000} s of SIGTERM; it printed:\n${output.text()}`);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

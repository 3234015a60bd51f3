import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './server-process.ts';

const run = promisify(execFile);

/** Runs `handsup ARGS…` to its end: exit code and both outputs. */
export async function runHandsup(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/handsup.mjs', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

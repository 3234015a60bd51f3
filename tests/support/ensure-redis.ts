import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where an executable is on PATH (plus /usr/sbin, where Debian puts haproxy), or undefined. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin'];
  return dirs.map((dir) => join(dir, name)).find((file) => file && existsSync(file));
}

/**
 * A system program the integration tests run for real (redis-server, haproxy). Found: use
 * it. Missing, and root on Debian: install Debian's package. Otherwise fail with the command
 * that installs it; never skip silently.
 */
export function ensureSystemTool(executable: string, debianPackage: string, log: (line: string) => void = console.log): string {
  const found = findExecutable(executable);
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    log(`tests: ${executable} not found; installing Debian's ${debianPackage} package (apt-get)…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', debianPackage], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findExecutable(executable);
    if (installed) return installed;
  }
  throw new Error(
    `The scale-out tests need ${executable} and none was found on PATH. Install it: ` +
      `\`sudo apt-get install ${debianPackage}\` on Debian/Ubuntu, \`brew install ${debianPackage}\` on macOS.`,
  );
}

export const ensureRedis = (log?: (line: string) => void) => ensureSystemTool('redis-server', 'redis-server', log);
export const ensureHaproxy = (log?: (line: string) => void) => ensureSystemTool('haproxy', 'haproxy', log);

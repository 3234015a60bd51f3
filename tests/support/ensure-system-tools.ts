import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A program from the system the tests run for real, and the Debian package that brings it. */
export interface SystemTool {
  executable: string;
  debianPackage: string;
  /** Homebrew's name for it, for the message on a Mac. */
  brewPackage: string;
  /** Which tests need it, for the message. */
  neededBy: string;
}

export const REDIS: SystemTool = { executable: 'redis-server', debianPackage: 'redis-server', brewPackage: 'redis', neededBy: 'the scale-out tests' };
export const HAPROXY: SystemTool = { executable: 'haproxy', debianPackage: 'haproxy', brewPackage: 'haproxy', neededBy: 'the scale-out tests' };
export const PDFTOPPM: SystemTool = { executable: 'pdftoppm', debianPackage: 'poppler-utils', brewPackage: 'poppler', neededBy: 'the PDF export tests (pages read as pictures)' };

/** Where an executable is on PATH (plus /usr/sbin, where Debian puts haproxy), or undefined. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin'];
  return dirs.map((dir) => join(dir, name)).find((file) => file && existsSync(file));
}

function missingMessage(tool: SystemTool): string {
  return (
    `${tool.neededBy} need ${tool.executable} and none was found on PATH. Install it: ` +
    `\`sudo apt-get install ${tool.debianPackage}\` on Debian/Ubuntu, \`brew install ${tool.brewPackage}\` on macOS.`
  );
}

/**
 * Found: use them. Missing, and root on Debian: install Debian's packages, all in one apt-get
 * (once per run, from the global setup, so two test files never race for dpkg's lock).
 * Otherwise fail with the command that installs them; never skip silently.
 */
export function ensureSystemTools(tools: readonly SystemTool[], log: (line: string) => void = console.log): void {
  const missing = tools.filter((tool) => !findExecutable(tool.executable));
  if (missing.length === 0) return;
  installDebianPackages(
    missing.map((tool) => tool.debianPackage),
    `${missing.map((tool) => tool.executable).join(', ')} not found`,
    log,
  );
  const still = missing.filter((tool) => !findExecutable(tool.executable));
  if (still.length > 0) throw new Error(still.map(missingMessage).join('\n'));
}

/**
 * Installs Debian's packages with apt-get when running as root on Debian; elsewhere does
 * nothing (the caller then says what to install). `why` starts the line the log gets.
 */
export function installDebianPackages(packages: readonly string[], why: string, log: (line: string) => void = console.log): void {
  if (process.getuid?.() !== 0 || !existsSync('/etc/debian_version')) return;
  const unique = [...new Set(packages)];
  log(`tests: ${why}; installing Debian's ${unique.join(', ')} (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...unique], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The path of a tool the global setup ensured (a test file run on its own ensures it here). */
export function systemTool(tool: SystemTool): string {
  ensureSystemTools([tool]);
  return findExecutable(tool.executable)!;
}

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCliEntry, type CompiledCli } from '../../bin/compiled-cli.mjs';
import { ROOT, startServer, tempDataDir } from '../support/server-process.ts';

const run = promisify(execFile);
const temporary: string[] = [];
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

describe('the compiled CLI is never older than its sources', () => {
  const root = mkdtempSync(join(tmpdir(), 'handsup-compiled-'));
  temporary.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'builder.txt'), 'how the build is made\n');
  const cli: CompiledCli = { root, entry: 'src/main.ts', outDir: join(root, 'build'), builder: join(root, 'builder.txt') };
  writeFileSync(join(root, 'src/main.ts'), "import { message } from './message.ts';\nexport function main(): string {\n  return `${message} ${new URL('./data.txt', import.meta.url).pathname}`;\n}\n");
  const writeMessage = (text: string) => writeFileSync(join(root, 'src/message.ts'), `export const message: string = '${text}';\n`);
  const lines: string[] = [];
  const runMain = async () => {
    const entry = await compiledCliEntry(cli, (line) => lines.push(line));
    return { entry, said: ((await import(entry)) as { main: () => string }).main() };
  };

  it('compiles on first run, then reuses the build while nothing changed', async () => {
    writeMessage('one');
    const first = await runMain();
    // A module finding a file next to itself still finds it beside its source, not the build.
    expect(first.said).toBe(`one ${join(root, 'src/data.txt')}`);
    expect(first.entry).toContain('/build/');
    expect(lines).toEqual(['handsup: compiling the CLI and server (first run only)…']);
    const again = await runMain();
    expect(again.entry).toBe(first.entry);
    expect(lines).toHaveLength(1);
  });

  it('compiles again when a source is edited, even to the same size with an older time', async () => {
    writeMessage('two');
    const edited = await runMain();
    expect(edited.said).toMatch(/^two /);
    expect(lines.at(-1)).toBe('handsup: sources changed, compiling the CLI and server…');
    writeMessage('owt');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, 'src/message.ts'), past, past);
    expect((await runMain()).said).toMatch(/^owt /);
    expect(lines).toHaveLength(3);
  });

  it('compiles again when the build is gone or the way it is built changed', async () => {
    const { entry } = await runMain();
    rmSync(fileURLToPath(new URL('./', entry)), { recursive: true });
    const rebuilt = await runMain();
    expect(rebuilt.entry).not.toBe(entry);
    expect(existsSync(fileURLToPath(rebuilt.entry))).toBe(true);
    writeFileSync(join(root, 'builder.txt'), 'a new way to build\n');
    expect((await runMain()).entry).not.toBe(rebuilt.entry);
    expect(lines).toHaveLength(5);
  });
});

describe("the bundled packages' debug logs (bin/debug-when-asked.cjs)", () => {
  it('are written when DEBUG asks for them, and cost nothing otherwise', async () => {
    const asked = await startServer({ env: { DEBUG: 'socket.io:server' } });
    try {
      expect(asked.output()).toMatch(/socket\.io:server (initializing namespace|creating engine\.io instance)/);
    } finally {
      await asked.stop();
    }
    const quiet = await startServer({ env: { DEBUG: '' } });
    try {
      const health = await fetch(`${quiet.url}/healthz`);
      expect(health.status).toBe(200);
      expect(quiet.output()).not.toMatch(/socket\.io:|engine[:.]/);
    } finally {
      await quiet.stop();
    }
  });
});

/** The packages a module URL list shows: external ones by path, bundled ones by the build's own markers. */
function packagesLoaded(urls: string[]): Set<string> {
  const packages = new Set<string>();
  const add = (path: string) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
    if (match) packages.add(match[1]!);
  };
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const file = fileURLToPath(url);
    if (file.includes('/node_modules/')) add(file);
    else if (file.startsWith(join(ROOT, 'build/'))) {
      // Rolldown marks each bundled module with a `// node_modules/PACKAGE/…` line.
      for (const [, path] of readFileSync(file, 'utf8').matchAll(/^\/\/ (node_modules\/\S+)$/gm)) add(path!);
    }
  }
  return packages;
}

/** Runs the CLI as users do, recording what it loads; resolves with the packages and its output. */
async function commandLoads(args: string[], until?: RegExp): Promise<{ packages: Set<string>; buildFiles: string[]; output: string }> {
  const record = join(tempDataDir(), 'loads.txt');
  writeFileSync(record, '');
  const child = spawn(process.execPath, ['--import', './tests/support/record-loads.mjs', 'bin/handsup.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, HANDSUP_RECORD_LOADS: record, PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => (until && !until.test(output) ? reject(new Error(`exited with ${code}:\n${output}`)) : resolve()));
  });
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await exited;
  }
  const urls = readFileSync(record, 'utf8').split('\n');
  const buildFiles = urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)).filter((file) => file.startsWith(join(ROOT, 'build/')));
  return { packages: packagesLoaded(urls), buildFiles, output };
}

describe('each command loads only what it needs, and nothing compiles at run time', () => {
  const COMPILERS = ['tsx', 'esbuild', 'rolldown', 'typescript'];

  it('check: the deck compiler only, no Socket.IO, SQLite, Playwright or Vite', async () => {
    const { packages, output } = await commandLoads(['check', 'slides/talks/three-networking-disconnects.md']);
    expect(output).toMatch(/three-networking-disconnects\.md: ok/);
    for (const needed of ['marked', 'yaml', 'zod']) expect(packages, needed).toContain(needed);
    for (const heavy of ['socket.io', 'better-sqlite3', 'playwright-core', 'vite', ...COMPILERS]) expect(packages, heavy).not.toContain(heavy);
  });

  it('start: Socket.IO and SQLite, no Playwright or Vite; export results: no Playwright either', async () => {
    const dataDir = tempDataDir();
    const started = await commandLoads(['start', '--host', '127.0.0.1', '--port', '0', '--data', dataDir], /Press Ctrl\+C to stop/);
    for (const needed of ['socket.io', 'better-sqlite3']) expect(started.packages, needed).toContain(needed);
    for (const heavy of ['playwright-core', 'vite', ...COMPILERS]) expect(started.packages, heavy).not.toContain(heavy);

    // Every build file it ran has V8's code cache now (written as it exited), Socket.IO's chunk
    // included, except the few that load Vite or Playwright with import() (see code-cache.mjs).
    const cacheable = started.buildFiles.filter((file) => !/\bimport\s*\(/.test(readFileSync(file, 'utf8')));
    expect(cacheable.some((file) => readFileSync(file, 'utf8').includes('// node_modules/socket.io/'))).toBe(true);
    for (const file of cacheable) expect(existsSync(join(dirname(file), '.v8-cache', `${basename(file)}.bin`)), basename(file)).toBe(true);

    const exported = await commandLoads(['export', 'results', '--data', dataDir]);
    expect(JSON.parse(exported.output)).toHaveProperty('questions');
    for (const heavy of ['playwright-core', 'vite', ...COMPILERS]) expect(exported.packages, heavy).not.toContain(heavy);
  });

  it("keeps V8's compiled code of each build file after a run, and a damaged cache only costs the speed-up", async () => {
    const checkBuiltIn = () => run(process.execPath, ['bin/handsup.mjs', 'check', 'slides/talks/three-networking-disconnects.md'], { cwd: ROOT });
    await checkBuiltIn();
    const { entry } = JSON.parse(readFileSync(join(ROOT, 'build/manifest.json'), 'utf8')) as { entry: string };
    const cacheDir = join(ROOT, 'build', dirname(entry), '.v8-cache');
    const compilerCache = readdirSync(cacheDir).find((name) => name.startsWith('compiler-'));
    expect(compilerCache, 'the deck compiler chunk has a code cache').toBeDefined();
    expect(statSync(join(cacheDir, compilerCache!)).size).toBeGreaterThan(10_000);
    // Garbage where the cache was: V8 refuses it, the command works as ever, and a good cache is written again.
    writeFileSync(join(cacheDir, compilerCache!), Buffer.alloc(50_000, 7));
    expect((await checkBuiltIn()).stdout).toMatch(/three-networking-disconnects\.md: ok/);
    expect(readFileSync(join(cacheDir, compilerCache!)).equals(Buffer.alloc(50_000, 7))).toBe(false);
  });

  it('the installed command is plain JavaScript that Node runs as is', async () => {
    const { stdout } = await run(process.execPath, ['bin/handsup.mjs', 'help'], { cwd: ROOT });
    expect(stdout).toContain('handsup start');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.handsup).toBe('bin/handsup.mjs');
  });
});

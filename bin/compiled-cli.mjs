// The CLI and the server run as JavaScript compiled from server/ (and the protocol and the
// deck compiler it imports) into build/: no TypeScript transpiler at run time. This file
// finds that build and, when it is missing or any of its sources has changed since, makes
// it again first, so an edited source is never run from an old build. Plain JavaScript:
// it runs before anything is compiled.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The CLI of this package: one entry, its lazily loaded commands split into chunks. */
export const HANDSUP_CLI = {
  root: PACKAGE_ROOT,
  entry: 'server/cli/main.ts',
  outDir: join(PACKAGE_ROOT, 'build'),
  // This file decides how the build is made: a change to it is a change to the build.
  builder: fileURLToPath(import.meta.url),
};

/** Builds kept besides the current one: a process started from an older build may still load its chunks. */
const KEEP_OLDER_BUILDS = 3;

/** [mtime, size] of a file, or undefined when it is gone. */
function fingerprint(file) {
  try {
    const stats = statSync(file);
    return [stats.mtimeMs, stats.size];
  } catch {
    return undefined;
  }
}

function readManifest(outDir) {
  try {
    return JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the manifest's build exists and every source it was made from is unchanged (same mtime and size). */
function isCurrent(cli, manifest) {
  if (!manifest || !existsSync(join(cli.outDir, manifest.entry))) return false;
  return Object.entries(manifest.inputs).every(([file, known]) => {
    const now = fingerprint(resolve(cli.root, file));
    return now !== undefined && now[0] === known[0] && now[1] === known[1];
  });
}

/**
 * Fingerprints every module the build reads, as it reads it (the output's own module lists
 * leave out one whose exports were all inlined; a file edited during the build then counts
 * as changed), and keeps `import.meta.url` meaning the source's location:
 * a module finding a file next to it (the built-in talk) still finds it once bundled,
 * relative to the build folder so that the package can be moved or installed elsewhere.
 */
function sourcesOfTheBuild(buildDir, read) {
  return {
    name: 'handsup:sources-of-the-build',
    transform(code, id) {
      // \0 marks Rolldown's own modules (its runtime): no file, and their import.meta.url is the build's.
      if (id.startsWith('\0')) return null;
      const file = fingerprintedFile(id);
      if (!read.has(file)) read.set(file, fingerprint(file));
      if (!code.includes('import.meta.url') || id.includes(`${sep}node_modules${sep}`)) return null;
      const fromBuild = relative(buildDir, id).split(sep).join('/');
      return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`), map: null };
    },
  };
}

/** Our files as they are; a bundled package by its package.json, rewritten when npm installs another version. */
function fingerprintedFile(id) {
  const inPackage = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
  return inPackage ? join(inPackage[1], 'package.json') : id;
}

/**
 * Packages loaded from node_modules as they are: native code (better-sqlite3), big tools
 * loaded by one command (Playwright, Vite, Rolldown) and optional native add-ons. The
 * other, pure JavaScript packages are bundled in: Node then reads a few files instead of
 * hundreds (zod, yaml), which is most of what a short command like `check` spends.
 */
const KEPT_IN_NODE_MODULES = new Set(['better-sqlite3', 'playwright-core', 'vite', 'rolldown', 'bufferutil', 'utf-8-validate']);

function packageName(source) {
  if (/^(?:\.|\/|[A-Za-z]:[\\/]|\0|node:)/.test(source)) return undefined;
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isKeptInNodeModules(source) {
  const name = packageName(source);
  return name !== undefined && KEPT_IN_NODE_MODULES.has(name);
}

/** Where the bundled packages' `debug` comes from: a logger that does nothing unless DEBUG is set. */
const DEBUG_WHEN_ASKED = fileURLToPath(new URL('./debug-when-asked.cjs', import.meta.url));

/** Every `debug` a bundled package imports is debug-when-asked.cjs, which loads the real one only for DEBUG. */
function debugWhenAsked() {
  return {
    name: 'handsup:debug-when-asked',
    resolveId(source, importer) {
      return source === 'debug' && importer !== DEBUG_WHEN_ASKED ? DEBUG_WHEN_ASKED : null;
    },
  };
}

/** Compiles the CLI into a new folder under outDir and records it, with its sources' fingerprints, in manifest.json. */
export async function buildCli(cli = HANDSUP_CLI) {
  const { rolldown } = await import('rolldown');
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const buildDir = join(cli.outDir, id);
  const read = new Map();
  const bundle = await rolldown({
    input: { main: join(cli.root, cli.entry) },
    platform: 'node',
    external: (source) => isKeptInNodeModules(source),
    plugins: [debugWhenAsked(), sourcesOfTheBuild(buildDir, read)],
    logLevel: 'warn',
    // A package that is not installed fails the build (npm install first), not a later run.
    onLog: (level, log, handler) => handler(log.code === 'UNRESOLVED_IMPORT' ? 'error' : level, log),
  });
  try {
    // CommonJS: Node 20 can hand V8 a code cache for a CommonJS file (code-cache.mjs), not for an ES module.
    // Licences kept, other comments dropped: a type in a bundled package's JSDoc, `import('engine.io-parser')`,
    // reads as a dynamic import to code-cache.mjs, which then left the Socket.IO chunk uncached.
    await bundle.write({
      dir: buildDir,
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: '[name]-[hash].cjs',
      comments: { legal: true, annotation: false, jsdoc: false },
    });
  } finally {
    await bundle.close();
  }
  read.set(cli.builder, fingerprint(cli.builder));
  const inputs = {};
  for (const [file, known] of [...read].sort(([a], [b]) => a.localeCompare(b))) {
    if (known) inputs[relative(cli.root, file).split(sep).join('/')] = known;
  }
  const manifest = { entry: `${id}/main.cjs`, inputs };
  // Written whole and renamed: a CLI starting at the same moment reads the old manifest or the new one.
  const pending = join(cli.outDir, `manifest.${id}.json`);
  writeFileSync(pending, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(pending, join(cli.outDir, 'manifest.json'));
  pruneOlderBuilds(cli.outDir, id);
  return manifest;
}

function pruneOlderBuilds(outDir, current) {
  const builds = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current)
    .map((entry) => ({ name: entry.name, mtime: statSync(join(outDir, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of builds.slice(KEEP_OLDER_BUILDS)) rmSync(join(outDir, name), { recursive: true, force: true });
}

/** The compiled CLI's entry module (a file URL), compiled first when missing or out of date. */
export async function compiledCliEntry(cli = HANDSUP_CLI, log = (line) => process.stderr.write(`${line}\n`)) {
  let manifest = readManifest(cli.outDir);
  if (!isCurrent(cli, manifest)) {
    log(manifest ? 'handsup: sources changed, compiling the CLI and server…' : 'handsup: compiling the CLI and server (first run only)…');
    try {
      mkdirSync(cli.outDir, { recursive: true });
      manifest = await buildCli(cli);
    } catch (error) {
      if (!['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) throw error;
      throw new Error(`handsup: cannot write the compiled CLI into ${cli.outDir} (${error.code}) — run \`npm run build\` once in ${cli.root} as the user who owns it`);
    }
  }
  return pathToFileURL(join(cli.outDir, manifest.entry)).href;
}

// `node bin/compiled-cli.mjs` (npm's prepare and build, the tests' setup): bring the build up to date now.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entry = await compiledCliEntry(HANDSUP_CLI, (line) => console.log(line));
  console.log(`handsup: the compiled CLI is ${relative(process.cwd(), dirname(fileURLToPath(entry))) || '.'}`);
}

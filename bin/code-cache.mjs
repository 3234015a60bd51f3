// Loads the compiled CLI (CommonJS, see compiled-cli.mjs) with V8's code cache: the first run of
// a build saves, for each of its files, the machine-independent bytecode V8 compiled for it (the
// functions that run included); later runs hand it back to V8 instead of parsing and compiling
// the deck compiler's 800 KB again (`handsup check` ~45 ms sooner). Node 20 has no compile
// cache of its own (module.enableCompileCache is Node 22). A file with a dynamic import() is
// left to Node as it is: on Node 20 a script made from a code cache loses its import() callback
// ("A dynamic import callback was not specified"); the CLI's own chunks load each other with
// require, and only the few that import Vite or Playwright have one. V8 checks each cache
// against the source and its flags and ignores one that does not fit; a cache that cannot be
// written (a read-only install) only means no speed-up.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/** `import(` anywhere, comments included: such a file is not cached (a comment only costs the speed-up). */
const MAY_IMPORT = /\bimport\s*\(/;

/** Requires `entryFile` with the code cache for every file of its folder (the build), kept in `<build>/.v8-cache/`. */
export function requireWithCodeCache(entryFile) {
  const buildDir = dirname(entryFile) + sep;
  const cacheDir = join(buildDir, '.v8-cache');
  const toSave = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(buildDir) || MAY_IMPORT.test(content)) return compile.call(this, content, filename);
    const cacheFile = join(cacheDir, `${basename(filename)}.bin`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toSave.push({ script, cacheFile });
    const require = createRequire(filename);
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  // Saved as the process ends: by then the functions that ran are compiled, and their bytecode goes in too.
  process.once('exit', () => {
    for (const { script, cacheFile } of toSave) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const pending = `${cacheFile}.${process.pid}`;
        writeFileSync(pending, script.createCachedData());
        renameSync(pending, cacheFile);
      } catch {
        // No cache this time: the next start compiles as usual.
      }
    }
  });
  return createRequire(import.meta.url)(entryFile);
}

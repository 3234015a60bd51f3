// `node --import ./tests/support/record-loads.mjs …` with HANDSUP_RECORD_LOADS=FILE: every
// module the process loads is appended to FILE, one URL a line: ES modules as Node's ESM
// loader loads them, CommonJS files (the compiled CLI) as Node reads them. The tests read it to see what a command loaded (tests/integration/compiled-cli.test.ts).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.HANDSUP_RECORD_LOADS;
register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    let file;
    export function initialize(data) { file = data.file; }
    export async function load(url, context, nextLoad) {
      appendFileSync(file, url + '\\n');
      return nextLoad(url, context);
    }
  `)}`,
  { data: { file } },
);
// CommonJS files (the compiled CLI, better-sqlite3…) as Node reads each one: recorded at once, so a
// process that a signal ends still leaves its list.
const Module = createRequire(import.meta.url)('node:module');
for (const extension of Object.keys(Module._extensions).filter((name) => name !== '.json' && name !== '.node')) {
  const load = Module._extensions[extension];
  Module._extensions[extension] = function recordLoad(module, filename) {
    appendFileSync(file, `${pathToFileURL(filename).href}\n`);
    return load.call(this, module, filename);
  };
}

// `node --import ./tests/support/record-loads.mjs …` with HANDSUP_RECORD_LOADS=FILE: every
// module the process loads is appended to FILE, one URL a line: ES modules as Node's ESM
// loader loads them, CommonJS files (the compiled CLI) as the process exits, from require's
// cache. The tests read it to see what a command loaded (tests/integration/compiled-cli.test.ts).
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
process.once('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache).map((path) => pathToFileURL(path).href);
  appendFileSync(file, required.map((url) => `${url}\n`).join(''));
});

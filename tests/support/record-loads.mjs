// `node --import ./tests/support/record-loads.mjs …` with HANDSUP_RECORD_LOADS=FILE: every
// module Node's ESM loader loads is appended to FILE, one URL a line. The tests read it to
// see what a command loaded (tests/integration/compiled-cli.test.ts).
import { register } from 'node:module';

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
  { data: { file: process.env.HANDSUP_RECORD_LOADS } },
);

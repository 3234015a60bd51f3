#!/usr/bin/env node
// handsup runs as JavaScript compiled from its TypeScript (build/, see compiled-cli.mjs):
// compiled on first run, and again whenever a source has changed, never transpiled per start.
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './code-cache.mjs';
import { compiledCliEntry } from './compiled-cli.mjs';

const { main } = requireWithCodeCache(fileURLToPath(await compiledCliEntry()));
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The command is done (a server closed its sockets and its store): a handle something left open
// must not keep the process alive. Said, so it gets fixed, and the process ends anyway.
setTimeout(() => {
  console.error(`handsup: exiting; still open after the command finished: ${process.getActiveResourcesInfo().join(', ')}`);
  process.exit(code);
}, 2000).unref();

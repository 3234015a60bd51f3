#!/usr/bin/env node
// handsup runs as JavaScript compiled from its TypeScript (build/, see compiled-cli.mjs):
// compiled on first run, and again whenever a source has changed, never transpiled per start.
import { compiledCliEntry } from './compiled-cli.mjs';

const { main } = await import(await compiledCliEntry());
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// handsup is written in TypeScript and run through tsx, so an installed copy needs no
// separate compile step and always runs the source it ships.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

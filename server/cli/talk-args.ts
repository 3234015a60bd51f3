import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, formatWarning, type Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { UserError } from '../user-error.ts';
import { parseCommandArgs, parseJoinsPerMinute, parsePort } from './args.ts';
import { parsePublicUrl } from './public-url.ts';

/** The options `start` and `dev` share. */
export const TALK_OPTIONS = {
  deck: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'new-session': { type: 'boolean' },
  url: { type: 'string' },
  'joins-per-minute': { type: 'string' },
  redis: { type: 'string' },
  'redis-unsafe': { type: 'boolean' },
} as const;

export interface TalkArgs {
  deckFile: string;
  deck: Deck;
  port: number;
  host: string | undefined;
  dataDir: string;
  newSession: boolean;
  /** `--url`: the public address phones use (an origin). */
  publicUrl: string | undefined;
  /** New phones per client address and minute; 0 for no limit. */
  joinsPerMinute: number;
  /** `--redis URL` (env HANDSUP_REDIS_URL): the node joins the talk held in that Redis. */
  redisUrl: string | undefined;
  /** `--redis-unsafe`: start on a Redis that could lose acknowledged answers. */
  redisUnsafe: boolean;
}

/** The deck to serve must be a file that is there: said in one line, not as a stack. */
function checkDeckFile(deckFile: string, given: string | undefined): void {
  const named = given ?? deckFile;
  if (!existsSync(deckFile)) {
    throw new UserError(`no deck at ${named} (${deckFile}) — check the path, or leave out --deck for the built-in talk`);
  }
  if (statSync(deckFile).isDirectory()) throw new UserError(`${named} is a folder — name the deck's Markdown file, e.g. --deck ${named.replace(/\/$/, '')}/talk.md`);
}

/**
 * Reads `start`/`dev` options and compiles the deck. A deck with problems is reported as
 * `file:line: message` lines and gives undefined: the talk never starts half-broken.
 */
export function readTalkArgs(command: string, args: string[], defaultPort: number): TalkArgs | undefined {
  const { values } = parseCommandArgs(command, args, TALK_OPTIONS);
  const deckFile = resolve(values.deck ?? DEFAULT_DECK_FILE);
  const port = parsePort(values.port ?? process.env.PORT, defaultPort);
  checkDeckFile(deckFile, values.deck);
  const { deck, problems, warnings } = compileDeckFile(deckFile);
  for (const warning of warnings) console.error(formatWarning(warning));
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`handsup: ${deckFile} has ${problems.length} problem(s); fix them and start again.`);
    return undefined;
  }
  return {
    deckFile,
    deck,
    port,
    host: values.host,
    dataDir: resolve(values.data ?? 'data'),
    newSession: values['new-session'] ?? false,
    publicUrl: values.url === undefined ? undefined : parsePublicUrl(values.url),
    joinsPerMinute: parseJoinsPerMinute(values['joins-per-minute'], LIMITS.joinsPerMinute),
    redisUrl: values.redis || process.env.HANDSUP_REDIS_URL || undefined,
    redisUnsafe: values['redis-unsafe'] ?? false,
  };
}

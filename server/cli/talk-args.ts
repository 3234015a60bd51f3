import { resolve } from 'node:path';
import { formatProblem, type Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { parseCommandArgs, parseJoinsPerMinute, parsePort } from './args.ts';

/** The options `start` and `dev` share. */
export const TALK_OPTIONS = {
  deck: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'new-session': { type: 'boolean' },
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
  /** New phones per client address and minute; 0 for no limit. */
  joinsPerMinute: number;
  /** `--redis URL` (env HANDSUP_REDIS_URL): the node joins the talk held in that Redis. */
  redisUrl: string | undefined;
  /** `--redis-unsafe`: start on a Redis that could lose acknowledged answers. */
  redisUnsafe: boolean;
}

/**
 * Reads `start`/`dev` options and compiles the deck. A deck with problems is reported as
 * `file:line: message` lines and gives undefined: the talk never starts half-broken.
 */
export function readTalkArgs(command: string, args: string[], defaultPort: number): TalkArgs | undefined {
  const { values } = parseCommandArgs(command, args, TALK_OPTIONS);
  const deckFile = resolve(values.deck ?? DEFAULT_DECK_FILE);
  const port = parsePort(values.port ?? process.env.PORT, defaultPort);
  const { deck, problems } = compileDeckFile(deckFile);
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
    joinsPerMinute: parseJoinsPerMinute(values['joins-per-minute'], LIMITS.joinsPerMinute),
    redisUrl: values.redis || process.env.HANDSUP_REDIS_URL || undefined,
    redisUnsafe: values['redis-unsafe'] ?? false,
  };
}

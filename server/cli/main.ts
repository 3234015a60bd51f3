import { asCliLine, UserError } from '../user-error.ts';

const HELP = `handsup — workshop talks with live polls and quizzes

Usage:
  handsup start [--deck FILE] [--port N] [--host H] [--data DIR] [--new-session] [--joins-per-minute N]
                [--redis URL [--redis-unsafe]]
  handsup check FILE…
  handsup sessions [--data DIR]
  handsup export pdf [--deck FILE] [--data DIR] [--session ID] [--out FILE] [--fragments] [--notes] [--no-results] [--url URL]
  handsup export results [--data DIR] [--session ID] [--format csv|json] [--out FILE]
  handsup export pdf|results … --redis URL      (a session held in Redis; see archive)
  handsup archive --redis URL --data DIR [--session ID]   copy a Redis-held session into SQLite
  handsup dev [--deck FILE] [--port N]
  handsup help

Limits: --joins-per-minute N  new phones per client address and minute (default 1500: a venue
                  NAT with 1,000 phones joins within a minute); 0 turns the limit off.

Scale-out: --redis URL (env HANDSUP_REDIS_URL)  the node joins the talk held in that Redis; several
                  nodes behind a load balancer serve one session (docs/scale-out.md). Refuses a Redis
                  that could lose answers unless --redis-unsafe.

Export (after the talk, or during it; needs no running server):
  export pdf      the deck with each question's final results. Default: the latest session in ./data,
                  its own deck, written to DECK-JOINCODE.pdf here. --fragments: a page per fragment
                  step; --notes: each slide's speaker notes on a page after it. With --deck FILE and
                  no session of it, or --no-results: the slides with their questions, no results.
                  --url URL: the join slide shows that address and its QR code.
  export results  every question's results as JSON (the default), or every response as CSV
                  (--format csv, or an --out file ending in .csv); to stdout unless --out FILE.
`;

/**
 * Runs one command line and resolves with the process exit code. Each command is imported
 * when it runs: `check` never loads Socket.IO or SQLite, only `export` loads Playwright,
 * only `dev` Vite.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'start':
        return await (await import('./start.ts')).startCommand(args);
      case 'check':
        return (await import('./check.ts')).checkDecks(args, { out: (line) => console.log(line), err: (line) => console.error(line) });
      case 'sessions':
        return (await import('./sessions.ts')).sessionsCommand(args);
      case 'archive':
        return await (await import('./archive.ts')).archiveCommand(args);
      case 'export':
        return await (await import('./export.ts')).exportCommand(args);
      case 'dev': {
        const { devCommand } = await import('./dev.ts');
        return await devCommand(args);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return command === undefined ? 1 : 0;
      default:
        console.error(`handsup: unknown command "${command}"\n\n${HELP}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof UserError) {
      console.error(asCliLine(error.message));
      return 1;
    }
    throw error;
  }
}

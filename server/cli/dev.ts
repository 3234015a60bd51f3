import { resolve } from 'node:path';
import { formatProblem } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { handsupLiveDev } from '../dev/live-dev-plugin.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { Talk } from '../talk.ts';
import { parseCommandArgs, parsePort } from './args.ts';

/**
 * `handsup dev`: Vite's dev server with the deck plugin and the live server attached;
 * editing the deck reloads the pages and carries the talk on with the new deck.
 */
export async function devCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('dev', args, {
    deck: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'new-session': { type: 'boolean' },
  });
  const deckFile = resolve(values.deck ?? DEFAULT_DECK_FILE);
  const { deck, problems } = compileDeckFile(deckFile);
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`handsup: ${deckFile} has ${problems.length} problem(s); fix them and start again.`);
    return 1;
  }
  process.env.HANDSUP_DECK = deckFile;
  let talk: Talk | undefined;
  const { createServer } = await import('vite');
  const server = await createServer({
    root: PACKAGE_ROOT,
    configFile: resolve(PACKAGE_ROOT, 'vite.config.ts'),
    server: { port: parsePort(values.port ?? process.env.PORT, 5173), host: values.host ?? 'localhost', strictPort: values.port !== undefined },
    plugins: [
      handsupLiveDev({
        deck,
        deckFile,
        dataDir: resolve(values.data ?? 'data'),
        newSession: values['new-session'],
        onReady: (opened) => (talk = opened),
      }),
    ],
  });
  await server.listen();
  server.printUrls();
  const local = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  if (talk) {
    console.log(`  handsup: "${deck.title}", session ${talk.session.id} (${talk.resumed ? 'resumed' : 'new'})`);
    console.log(`  Join code:  ${talk.session.joinCode}`);
    console.log(`  Presenter:  ${local}/presenter?key=${talk.presenterKey}`);
    console.log(`  Audience:   ${local}/j/${talk.session.joinCode}`);
  }
  return await new Promise<number>((resolveExit) => {
    const stop = () => void server.close().then(() => resolveExit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

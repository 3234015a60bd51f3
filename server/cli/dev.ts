import { resolve } from 'node:path';
import { loadPresenterKey } from '../auth/presenter-key.ts';
import { handsupLiveDev } from '../dev/live-dev-plugin.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { Talk } from '../talk.ts';
import { ensureCanListen, listenFailure } from './listen-check.ts';
import { readTalkArgs } from './talk-args.ts';

/**
 * `handsup dev`: Vite's dev server with the deck plugin and the live server attached;
 * editing the deck reloads the pages and carries the talk on with the new deck.
 */
export async function devCommand(args: string[]): Promise<number> {
  const talkArgs = readTalkArgs('dev', args, 5173);
  if (!talkArgs) return 1;
  if (args.some((arg) => arg.startsWith('--redis'))) {
    console.error('handsup dev: --redis is for `handsup start` (a cluster node); the dev server keeps its talk in --data');
    return 1;
  }
  const { deck, deckFile } = talkArgs;
  const host = talkArgs.host ?? 'localhost';
  // Without --port, Vite moves on to the next free port; with it, a busy port stops the
  // start here, before the plugin below opens the talk and makes a session.
  const strictPort = args.some((arg) => arg === '--port' || arg.startsWith('--port='));
  loadPresenterKey(talkArgs.dataDir);
  if (strictPort) await ensureCanListen(talkArgs.port, host);
  process.env.HANDSUP_DECK = deckFile;
  let talk: Talk | undefined;
  const { createServer } = await import('vite');
  const server = await createServer({
    root: PACKAGE_ROOT,
    configFile: resolve(PACKAGE_ROOT, 'vite.config.ts'),
    server: { port: talkArgs.port, host, strictPort },
    plugins: [
      handsupLiveDev({
        deck,
        deckFile,
        dataDir: talkArgs.dataDir,
        newSession: talkArgs.newSession,
        joinsPerMinute: talkArgs.joinsPerMinute,
        onReady: (opened) => (talk = opened),
      }),
    ],
  });
  await server.listen().catch(async (error: NodeJS.ErrnoException) => {
    await server.close();
    throw error.code ? listenFailure(error, host, talkArgs.port) : error;
  });
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

import { resolve } from 'node:path';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { parseCommandArgs, parsePort } from './args.ts';

/** `handsup dev`: Vite's dev server with the deck plugin; editing the deck reloads the page. */
export async function devCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('dev', args, {
    deck: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  });
  process.env.HANDSUP_DECK = resolve(values.deck ?? DEFAULT_DECK_FILE);
  const { createServer } = await import('vite');
  const server = await createServer({
    root: PACKAGE_ROOT,
    configFile: resolve(PACKAGE_ROOT, 'vite.config.ts'),
    server: { port: parsePort(values.port ?? process.env.PORT, 5173), host: values.host ?? 'localhost' },
  });
  await server.listen();
  server.printUrls();
  return await new Promise<number>((resolveExit) => {
    const stop = () => void server.close().then(() => resolveExit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

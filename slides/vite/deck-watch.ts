import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';

/** How long the deck file must be still before it is read. */
const SETTLE_MS = 120;

/**
 * Calls `saved` once the deck file has been saved and is still. Editors save in steps
 * (truncate then write, or a new file renamed over the old one), and Vite's watcher drops a
 * second change within 50 ms of the first: read at the first event, the deck could be the
 * half-written one, with the event for the finished file never coming.
 */
export function onDeckSaved(server: ViteDevServer, deckFile: string, saved: () => void): void {
  const file = resolve(deckFile);
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    if (resolve(path) !== file) return;
    clearTimeout(timer);
    timer = setTimeout(saved, SETTLE_MS);
  };
  server.watcher.add(file);
  server.watcher.on('change', changed);
  server.watcher.on('add', changed);
  server.httpServer?.once('close', () => clearTimeout(timer));
}

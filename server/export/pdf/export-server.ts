import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { toPublicDeck, type Deck } from '../../../protocol/deck.ts';
import { PRINT_DATA_PATH, type PrintData } from '../../../protocol/export.ts';
import { DECK_JSON_PATH, PROJECTOR_PAGE } from '../../../protocol/routes.ts';

export interface ExportServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A private, read-only server for one PDF export: the built projector page and its
 * assets, the public deck and the session's final results. It listens on 127.0.0.1 and
 * an ephemeral port for the few seconds the export takes. It has no socket and no
 * session of its own: exporting never starts or changes a talk.
 */
export async function startExportServer(options: { distDir: string; deck: Deck; printData: PrintData }): Promise<ExportServer> {
  const projectorHtml = readFileSync(join(options.distDir, PROJECTOR_PAGE.html));
  const deckJson = JSON.stringify(toPublicDeck(options.deck));
  const printJson = JSON.stringify(options.printData);
  const assets = sirv(options.distDir, { dotfiles: false, etag: false, gzip: false });

  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (PROJECTOR_PAGE.matches(pathname)) send('text/html; charset=utf-8', projectorHtml);
    else if (pathname === DECK_JSON_PATH) send(JSON_TYPE, deckJson);
    else if (pathname === PRINT_DATA_PATH) send(JSON_TYPE, printJson);
    else
      assets(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Not found: ${pathname}\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

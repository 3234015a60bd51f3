import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { createGzipAssets } from './gzip-assets.ts';
import { DECK_JSON_PATH, JOIN_JSON_PATH, PAGES, pageFor } from './pages.ts';

export interface StaticRoutesOptions {
  distDir: string;
  /** The public deck (no notes, no quiz answers), already serialised. */
  publicDeckJson: string;
  /** Extra JSON for /healthz (session, connections…). */
  health: () => Record<string, unknown>;
  /** The join address, code and QR code for the projector's join slide. */
  join: (req: IncomingMessage) => Promise<unknown>;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

/**
 * Serves the built pages at their routes, their hashed assets, the public deck and
 * /healthz. The page HTML is read once at start: it only changes with a rebuild.
 */
export function createStaticRoutes(options: StaticRoutesOptions): RequestHandler {
  const pageHtml = new Map(PAGES.map((page) => [page.html, readFileSync(join(options.distDir, page.html))]));
  const assets = sirv(options.distDir, { immutable: true, dotfiles: false, etag: true, gzip: false });
  const gzipAssets = createGzipAssets(options.distDir);

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (url.pathname === '/healthz') {
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: true, ...options.health() }));
      return;
    }
    if (url.pathname === JOIN_JSON_PATH) {
      options.join(req).then(
        (info) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(info)),
        (error: Error) => send(res, 500, 'text/plain; charset=utf-8', `Could not make the join code: ${error.message}\n`),
      );
      return;
    }
    if (url.pathname === DECK_JSON_PATH) {
      send(res, 200, 'application/json; charset=utf-8', options.publicDeckJson);
      return;
    }
    const page = pageFor(url.pathname);
    if (page) {
      send(res, 200, 'text/html; charset=utf-8', pageHtml.get(page.html)!);
      return;
    }
    if (gzipAssets(req, res, url.pathname)) return;
    assets(req, res, () => send(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`));
  };
}

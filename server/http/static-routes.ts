import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { createApiRoutes, type ApiRoutesOptions } from './api-routes.ts';
import { createGzipAssets } from './gzip-assets.ts';
import { DECK_JSON_PATH, PAGES, pageFor } from './pages.ts';
import { sendPage, servePage, withDriveMarker, withPageLang } from './serve-page.ts';

export interface StaticRoutesOptions extends ApiRoutesOptions {
  distDir: string;
  /** The public deck (no notes, no quiz answers), already serialised. */
  publicDeckJson: string;
  /** The deck's `lang`, written into the phone page. */
  deckLang?: string;
  /** Guards the presenter console and swaps `?key=` for the presenter cookie. */
  presenterKey: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves the built pages at their routes (through the presenter gate), their hashed
 * assets, the public deck, /healthz and /join.json. The page HTML is read once at
 * start: it only changes with a rebuild.
 */
export function createStaticRoutes(options: StaticRoutesOptions): RequestHandler {
  const pageHtml = new Map(PAGES.map((page) => [page.html, withPageLang(page, readFileSync(join(options.distDir, page.html), 'utf8'), options.deckLang)]));
  const presenterPageHtml = new Map([...pageHtml].map(([path, html]) => [path, withDriveMarker(html)]));
  const api = createApiRoutes(options);
  const assets = sirv(options.distDir, { immutable: true, dotfiles: false, etag: true, gzip: false });
  const gzipAssets = createGzipAssets(options.distDir);

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (api(req, res)) return;
    if (url.pathname === DECK_JSON_PATH) {
      sendPage(res, 200, 'application/json; charset=utf-8', options.publicDeckJson);
      return;
    }
    const page = pageFor(url.pathname);
    if (page) {
      void servePage(req, res, page, options.presenterKey, (presenter) =>
        (presenter ? presenterPageHtml : pageHtml).get(page.html)!,
      );
      return;
    }
    if (gzipAssets(req, res, url.pathname)) return;
    assets(req, res, () => sendPage(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`));
  };
}

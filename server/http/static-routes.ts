import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { DECK_JSON_PATH, PAGES, pageFor } from '../../protocol/routes.ts';
import { sendPage, servePage, withDriveMarker, withPageLang } from './serve-page.ts';

export interface StaticRoutesOptions {
  distDir: string;
  /** The public deck (no notes, no quiz answers), already serialised. */
  publicDeckJson: string;
  /** The deck's `lang`, written into the phone page. */
  deckLang?: string;
  /** Guards the presenter console and swaps `?key=` for the presenter cookie. */
  presenterKey: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Files under /assets/ carry a hash of their content in their name: a new build means new names. */
const HASHED_ASSETS = '/assets/';
/** sirv names JavaScript and CSS without a charset; the pages are UTF-8, and so are they. */
const TEXT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * The built files, each in the smallest encoding the browser accepts (Brotli, then gzip,
 * then as is): the build writes FILE.br and FILE.gz next to each (slides/vite/
 * precompress-assets.ts), sirv picks one and says so (Content-Encoding, Vary:
 * Accept-Encoding, an ETag per encoding). Hashed assets are cached for a year.
 */
function staticAssets(distDir: string): ReturnType<typeof sirv> {
  return sirv(distDir, {
    dotfiles: false,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      const type = TEXT_TYPES[extname(pathname)];
      if (type) res.setHeader('Content-Type', type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', pathname.startsWith(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/**
 * Serves the built pages at their routes (through the presenter gate), their hashed
 * assets and the public deck. The page HTML is read once at start: it only changes with
 * a rebuild.
 */
export function createStaticRoutes(options: StaticRoutesOptions): RequestHandler {
  const pageHtml = new Map(PAGES.map((page) => [page.html, withPageLang(page, readFileSync(join(options.distDir, page.html), 'utf8'), options.deckLang)]));
  const presenterPageHtml = new Map([...pageHtml].map(([path, html]) => [path, withDriveMarker(html)]));
  const assets = staticAssets(options.distDir);

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
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
    assets(req, res, () => sendPage(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`));
  };
}

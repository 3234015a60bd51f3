import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { DECK_JSON_PATH, JOIN_JSON_PATH, PAGES, pageFor, type PageRoute } from './pages.ts';
import { presenterSetCookie } from './presenter-access.ts';
import { DRIVE_MARKER, presenterGate } from './presenter-gate.ts';
import { continuePageHtml, refusalPageHtml } from './refusal-page.ts';

export interface StaticRoutesOptions {
  distDir: string;
  /** The public deck (no notes, no quiz answers), already serialised. */
  publicDeckJson: string;
  /** Extra JSON for /healthz (session, connections…). */
  health: () => Record<string, unknown>;
  /** The join address, code and QR code for the projector's join slide. */
  join: (req: IncomingMessage) => Promise<unknown>;
  /** Guards the presenter console and swaps `?key=` for the presenter cookie. */
  presenterKey: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const HTML = 'text/html; charset=utf-8';

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extraHeaders,
  });
  res.end(body);
}

function withDriveMarker(html: Buffer): Buffer {
  return Buffer.from(html.toString('utf8').replace('</head>', `  ${DRIVE_MARKER}\n  </head>`));
}

/**
 * Serves the built pages at their routes, their hashed assets, the public deck and
 * /healthz. The page HTML is read once at start: it only changes with a rebuild.
 */
export function createStaticRoutes(options: StaticRoutesOptions): RequestHandler {
  const pageHtml = new Map(PAGES.map((page) => [page.html, readFileSync(join(options.distDir, page.html))]));
  const presenterPageHtml = new Map([...pageHtml].map(([path, html]) => [path, withDriveMarker(html)]));

  function servePage(req: IncomingMessage, res: ServerResponse, url: URL, page: PageRoute): void {
    const decision = presenterGate(page, url, req.headers, options.presenterKey);
    switch (decision.kind) {
      case 'serve':
        send(res, 200, HTML, (decision.presenter ? presenterPageHtml : pageHtml).get(page.html)!);
        return;
      case 'refuse':
        send(res, 403, HTML, refusalPageHtml(decision.reason));
        return;
      case 'exchange': {
        const cookie = { 'Set-Cookie': presenterSetCookie(options.presenterKey) };
        if (decision.fromOtherSite) send(res, 200, HTML, continuePageHtml(decision.location), cookie);
        else send(res, 303, 'text/plain; charset=utf-8', '', { ...cookie, Location: decision.location });
        return;
      }
    }
  }
  const assets = sirv(options.distDir, { immutable: true, dotfiles: false, etag: true, gzip: false });

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
      servePage(req, res, url, page);
      return;
    }
    assets(req, res, () => send(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`));
  };
}

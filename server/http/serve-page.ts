import type { IncomingMessage, ServerResponse } from 'node:http';
import { LANGUAGE_TAG } from '../../protocol/deck.ts';
import { AUDIENCE_PAGE, type PageRoute } from '../../protocol/routes.ts';
import { presenterSetCookie } from '../auth/presenter-cookie.ts';
import { DRIVE_MARKER, presenterGate } from '../auth/presenter-gate.ts';
import { continuePageHtml, refusalPageHtml } from './refusal-page.ts';

const HTML = 'text/html; charset=utf-8';

export function sendPage(
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

/** The page as the presenter's own browser gets it: marked to drive the talk. */
export function withDriveMarker(html: string): string {
  return html.replace('</head>', `  ${DRIVE_MARKER}\n  </head>`);
}

/**
 * The phone page as a deck with `lang:` has it: the tag on <html> (its words load in
 * that language when the phone speaks it). The compiler only lets a plain tag through.
 */
export function withPageLang(page: PageRoute, html: string, lang: string | undefined): string {
  if (page !== AUDIENCE_PAGE || !lang || !LANGUAGE_TAG.test(lang)) return html;
  return html.replace(/<html lang="[^"]*">/, `<html lang="${lang}" data-deck-lang="${lang}">`);
}

/**
 * This server's address as the browser reached it (its Host header when that is a plain
 * host and port), else localhost and the port the request came in on: the refusal page
 * names the address that works, not a default port.
 */
export function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return `http://${host}`;
  return `http://localhost:${req.socket.localPort ?? ''}`;
}

/**
 * Answers a page request through the presenter gate: serves the page (marked when the
 * presenter's cookie is there), swaps `?key=` for the cookie, or refuses. `html` gives the
 * page: read from dist/ in production, transformed by Vite in dev.
 */
export async function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  page: PageRoute,
  presenterKey: string,
  html: (presenter: boolean) => string | Buffer | Promise<string | Buffer>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const decision = presenterGate(page, url, { headers: req.headers, address: req.socket.remoteAddress }, presenterKey);
  switch (decision.kind) {
    case 'serve':
      sendPage(res, 200, HTML, await html(decision.presenter));
      return;
    case 'refuse': {
      const details = { origin: requestOrigin(req), retryAfterSeconds: decision.retryAfterSeconds };
      const retry: Record<string, string> = decision.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(decision.retryAfterSeconds) };
      sendPage(res, decision.reason === 'too-many-keys' ? 429 : 403, HTML, refusalPageHtml(decision.reason, details), retry);
      return;
    }
    case 'exchange': {
      const cookie = { 'Set-Cookie': presenterSetCookie(presenterKey) };
      if (decision.fromOtherSite) sendPage(res, 200, HTML, continuePageHtml(decision.location), cookie);
      else sendPage(res, 303, 'text/plain; charset=utf-8', '', { ...cookie, Location: decision.location });
      return;
    }
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { LANGUAGE_TAG } from '../../protocol/deck.ts';
import { AUDIENCE_PAGE, type PageRoute } from './pages.ts';
import { presenterSetCookie } from './presenter-access.ts';
import { DRIVE_MARKER, presenterGate } from './presenter-gate.ts';
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
  const decision = presenterGate(page, url, req.headers, presenterKey);
  switch (decision.kind) {
    case 'serve':
      sendPage(res, 200, HTML, await html(decision.presenter));
      return;
    case 'refuse':
      sendPage(res, 403, HTML, refusalPageHtml(decision.reason));
      return;
    case 'exchange': {
      const cookie = { 'Set-Cookie': presenterSetCookie(presenterKey) };
      if (decision.fromOtherSite) sendPage(res, 200, HTML, continuePageHtml(decision.location), cookie);
      else sendPage(res, 303, 'text/plain; charset=utf-8', '', { ...cookie, Location: decision.location });
      return;
    }
  }
}

import type { IncomingHttpHeaders } from 'node:http';
import { keyMatches } from '../presenter-key.ts';
import { CONSOLE_PAGE, PROJECTOR_PAGE, type PageRoute } from './pages.ts';
import { presenterCookieAccepted } from './presenter-access.ts';
import type { RefusalReason } from './refusal-page.ts';

/** What to answer a page request with, as far as the presenter key is concerned. */
export type GateDecision =
  | { kind: 'serve'; presenter: boolean }
  | { kind: 'exchange'; location: string; fromOtherSite: boolean }
  | { kind: 'refuse'; reason: RefusalReason };

/** The projector page: with the presenter's cookie it drives the talk. The tag says so; it holds no secret. */
export const DRIVE_MARKER = '<meta name="handsup-drive" content="presenter">';

/**
 * The presenter console needs the presenter's cookie; `?key=` on the console or the
 * projector swaps a right key for that cookie; the projector without the cookie is a
 * plain display; every other page is public.
 */
export function presenterGate(page: PageRoute, url: URL, headers: IncomingHttpHeaders, presenterKey: string): GateDecision {
  const guarded = page === CONSOLE_PAGE || page === PROJECTOR_PAGE;
  if (!guarded) return { kind: 'serve', presenter: false };
  if (url.searchParams.has('key')) {
    if (!keyMatches(presenterKey, url.searchParams.get('key'))) return { kind: 'refuse', reason: 'wrong-key' };
    const clean = new URL(url);
    clean.searchParams.delete('key');
    return {
      kind: 'exchange',
      location: `${clean.pathname}${clean.search}`,
      fromOtherSite: headers['sec-fetch-site'] === 'cross-site',
    };
  }
  const presenter = presenterCookieAccepted(headers, presenterKey);
  if (page === CONSOLE_PAGE && !presenter) return { kind: 'refuse', reason: 'no-key' };
  return { kind: 'serve', presenter };
}

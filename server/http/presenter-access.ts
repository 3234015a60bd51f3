import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { keyMatches } from '../presenter-key.ts';

/**
 * The presenter's browser proves itself with a cookie instead of the key in the address:
 * `/presenter?key=KEY` (and `/?key=KEY`) swap the key for this cookie and redirect to the
 * address without it, so the key leaves the address bar and the history. The cookie is
 * HTTP-only (page scripts cannot read it) and SameSite=Strict (other sites cannot use it).
 * Its value is an HMAC of the key, so even a leaked cookie does not reveal the key.
 */
export const PRESENTER_COOKIE = 'handsup_presenter';
const COOKIE_PURPOSE = 'handsup presenter cookie v1';
/** A week: a workshop that spans a browser restart or two keeps its console. */
const COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export function presenterCookieValue(presenterKey: string): string {
  return createHmac('sha256', presenterKey).update(COOKIE_PURPOSE).digest('base64url');
}

export function presenterSetCookie(presenterKey: string): string {
  return `${PRESENTER_COOKIE}=${presenterCookieValue(presenterKey)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_SECONDS}`;
}

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function hasPresenterCookie(headers: IncomingHttpHeaders, presenterKey: string): boolean {
  const offered = readCookie(headers.cookie, PRESENTER_COOKIE);
  return offered !== undefined && keyMatches(presenterCookieValue(presenterKey), offered);
}

/**
 * SameSite counts every port of a host as the same site, so a page served from another
 * port of this machine could open a socket carrying the cookie. Browsers always send
 * Origin on a WebSocket or fetch; it must name this very server.
 */
export function fromSameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/** Whether a socket handshake or a page request comes from the presenter's browser. */
export function presenterCookieAccepted(headers: IncomingHttpHeaders, presenterKey: string): boolean {
  return hasPresenterCookie(headers, presenterKey) && fromSameOrigin(headers);
}

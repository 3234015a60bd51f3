import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { keyMatches } from './presenter-key.ts';

/**
 * The presenter's browser proves itself with a cookie instead of the key in the address:
 * `/presenter?key=KEY` (and `/?key=KEY`) swap the key for this cookie and redirect to the
 * address without it, so the key leaves the address bar and the history. The cookie is
 * HTTP-only (page scripts cannot read it) and SameSite=Strict (other sites cannot use it).
 *
 * Its value is `v2.ISSUED.MAC`: the second it was issued and an HMAC (keyed with the
 * presenter key) of that second. The server, not the browser, decides when it expires,
 * so a copied cookie stops working after COOKIE_LIFETIME_MS; and a new key makes every
 * MAC wrong, so changing the key signs every console out.
 */
export const PRESENTER_COOKIE = 'handsup_presenter';
const VERSION = 'v2';
const COOKIE_PURPOSE = 'handsup presenter cookie v2';
/** 12 hours: a long workshop day on one opening of the presenter address. */
export const COOKIE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A clock that runs a little behind another process's (tests, a restart) is not an attack. */
const CLOCK_SKEW_MS = 60 * 1000;

function mac(presenterKey: string, issuedAtSeconds: number): string {
  return createHmac('sha256', presenterKey).update(`${COOKIE_PURPOSE}|${issuedAtSeconds}`).digest('base64url');
}

export function presenterCookieValue(presenterKey: string, now = Date.now()): string {
  const issuedAtSeconds = Math.floor(now / 1000);
  return `${VERSION}.${issuedAtSeconds}.${mac(presenterKey, issuedAtSeconds)}`;
}

export function presenterSetCookie(presenterKey: string, now = Date.now()): string {
  const maxAge = Math.floor(COOKIE_LIFETIME_MS / 1000);
  return `${PRESENTER_COOKIE}=${presenterCookieValue(presenterKey, now)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
}

/** Whether a cookie value was issued with this key, and not too long ago. */
export function presenterCookieValid(value: string, presenterKey: string, now = Date.now()): boolean {
  const [version, issued, offeredMac, ...rest] = value.split('.');
  if (version !== VERSION || rest.length > 0 || !issued || !/^\d{1,12}$/.test(issued)) return false;
  const issuedAtSeconds = Number(issued);
  const age = now - issuedAtSeconds * 1000;
  if (age > COOKIE_LIFETIME_MS || age < -CLOCK_SKEW_MS) return false;
  return keyMatches(mac(presenterKey, issuedAtSeconds), offeredMac);
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
export function presenterCookieAccepted(headers: IncomingHttpHeaders, presenterKey: string, now = Date.now()): boolean {
  const offered = readCookie(headers.cookie, PRESENTER_COOKIE);
  return offered !== undefined && presenterCookieValid(offered, presenterKey, now) && fromSameOrigin(headers);
}

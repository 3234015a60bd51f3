import type { IncomingHttpHeaders } from 'node:http';
import { failure, type Failure } from '../../protocol/errors.ts';
import { CONSOLE_PAGE, PROJECTOR_PAGE, type PageRoute } from '../../protocol/routes.ts';
import { WrongKeyThrottle } from './key-throttle.ts';
import { presenterCookieAccepted } from './presenter-cookie.ts';
import { keyMatches } from './presenter-key.ts';

/**
 * Every way in to the presenter's side goes through here: a key in a page address, a key
 * in a socket handshake, the cookie. Keys are throttled per client address, the same
 * bucket for pages and sockets, shared by every server in this process.
 */
const wrongKeys = new WrongKeyThrottle();

/** Who asks: the request's headers and the address it came from. */
export interface Caller {
  headers: IncomingHttpHeaders;
  address: string | undefined;
}

type KeyVerdict = { ok: true } | { ok: false; wrong: true } | { ok: false; wrong: false; retryAfterSeconds: number };

function checkKey(presenterKey: string, offered: unknown, address: string | undefined, throttle: WrongKeyThrottle): KeyVerdict {
  const from = address ?? 'unknown';
  const verdict = throttle.check(from);
  if (!verdict.allowed) return { ok: false, wrong: false, retryAfterSeconds: verdict.retryAfterSeconds };
  if (keyMatches(presenterKey, offered)) return { ok: true };
  throttle.wrongKey(from);
  return { ok: false, wrong: true };
}

export type RefusalReason = 'no-key' | 'wrong-key' | 'too-many-keys';

/** What to answer a page request with, as far as the presenter key is concerned. */
export type GateDecision =
  | { kind: 'serve'; presenter: boolean }
  | { kind: 'exchange'; location: string; fromOtherSite: boolean }
  | { kind: 'refuse'; reason: RefusalReason; retryAfterSeconds?: number };

/** The projector page: with the presenter's cookie it drives the talk. The tag says so; it holds no secret. */
export const DRIVE_MARKER = '<meta name="handsup-drive" content="presenter">';

/**
 * The presenter console needs the presenter's cookie; `?key=` on the console or the
 * projector swaps a right key for that cookie; the projector without the cookie is a
 * plain display; every other page is public.
 */
export function presenterGate(page: PageRoute, url: URL, caller: Caller, presenterKey: string, throttle = wrongKeys): GateDecision {
  const guarded = page === CONSOLE_PAGE || page === PROJECTOR_PAGE;
  if (!guarded) return { kind: 'serve', presenter: false };
  if (url.searchParams.has('key')) {
    const verdict = checkKey(presenterKey, url.searchParams.get('key'), caller.address, throttle);
    if (!verdict.ok) {
      return verdict.wrong
        ? { kind: 'refuse', reason: 'wrong-key' }
        : { kind: 'refuse', reason: 'too-many-keys', retryAfterSeconds: verdict.retryAfterSeconds };
    }
    const clean = new URL(url);
    clean.searchParams.delete('key');
    return {
      kind: 'exchange',
      location: `${clean.pathname}${clean.search}`,
      fromOtherSite: caller.headers['sec-fetch-site'] === 'cross-site',
    };
  }
  const presenter = presenterCookieAccepted(caller.headers, presenterKey);
  if (page === CONSOLE_PAGE && !presenter) return { kind: 'refuse', reason: 'no-key' };
  return { kind: 'serve', presenter };
}

/**
 * A presenter socket proves itself with the key (CLI, tests) or, in the browser, with the
 * HTTP-only cookie the key was exchanged for. Undefined means accepted.
 */
export function presenterHandshakeRefusal(
  key: string | undefined,
  caller: Caller,
  presenterKey: string,
  throttle = wrongKeys,
): Failure | undefined {
  if (key === undefined) {
    if (presenterCookieAccepted(caller.headers, presenterKey)) return undefined;
    return failure('forbidden', 'no presenter key: open the presenter address that `handsup start` printed (…/presenter?key=…)');
  }
  const verdict = checkKey(presenterKey, key, caller.address, throttle);
  if (verdict.ok) return undefined;
  if (verdict.wrong) return failure('forbidden', 'wrong presenter key');
  return failure('rate_limited', `too many wrong presenter keys from this address — try again in ${verdict.retryAfterSeconds} s`);
}

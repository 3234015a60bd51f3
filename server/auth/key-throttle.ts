import { isIPv6 } from 'node:net';

/** Wrong keys one client address may try at once… */
export const WRONG_KEY_BURST = 10;
/** …and then one more every this many milliseconds (10 a minute). */
export const WRONG_KEY_REFILL_MS = 6_000;
/** Addresses remembered at most: a spray from many addresses cannot grow memory without end. */
const MAX_TRACKED_ADDRESSES = 10_000;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts wrong presenter keys per client address, over HTTP (`?key=`) and the socket
 * handshake alike. While an address is out of tries, no key it offers is even compared
 * (a right one neither): otherwise the answer would still tell a guesser when it hit.
 * Right keys and cookies cost nothing, so the presenter is only slowed down by their own
 * typos. Each address has WRONG_KEY_BURST tries, refilled one per WRONG_KEY_REFILL_MS.
 */
export class WrongKeyThrottle {
  /** Per address: the time at which its tries are all back (at most `now` for a fresh one). */
  private readonly fullAt = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly burst = WRONG_KEY_BURST,
    private readonly refillMs = WRONG_KEY_REFILL_MS,
  ) {}

  private triesLeft(address: string, now: number): number {
    const fullAt = this.fullAt.get(address);
    if (fullAt === undefined || fullAt <= now) return this.burst;
    return this.burst - (fullAt - now) / this.refillMs;
  }

  /** Before comparing a key: may this address try one? */
  check(address: string): ThrottleVerdict {
    const now = this.now();
    const left = this.triesLeft(bucketOf(address), now);
    if (left >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.ceil(((1 - left) * this.refillMs) / 1000) };
  }

  /** After a key was compared and was wrong. */
  wrongKey(address: string): void {
    const now = this.now();
    const bucket = bucketOf(address);
    const base = Math.max(now, this.fullAt.get(bucket) ?? now);
    this.fullAt.delete(bucket);
    this.fullAt.set(bucket, base + this.refillMs);
    this.forgetRecovered(now);
  }

  /** Drops addresses whose tries are all back; the oldest first if there are still too many. */
  private forgetRecovered(now: number): void {
    if (this.fullAt.size <= MAX_TRACKED_ADDRESSES) return;
    for (const [address, fullAt] of this.fullAt) if (fullAt <= now) this.fullAt.delete(address);
    for (const address of this.fullAt.keys()) {
      if (this.fullAt.size <= MAX_TRACKED_ADDRESSES) break;
      this.fullAt.delete(address);
    }
  }
}

/**
 * The unit an attacker pays per address: an IPv4 address as it is (also when Node shows it
 * as `::ffff:a.b.c.d`), an IPv6 address by its /64, which one machine usually holds whole.
 */
export function bucketOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketOf, WrongKeyThrottle, WRONG_KEY_BURST, WRONG_KEY_REFILL_MS } from '../../server/auth/key-throttle.ts';
import { COOKIE_LIFETIME_MS, presenterCookieValid, presenterCookieValue } from '../../server/auth/presenter-cookie.ts';
import { keyStrengthBits, loadPresenterKey, MIN_KEY_BITS, presenterKeyFromEnv } from '../../server/auth/presenter-key.ts';

const KEY = 'unit-presenter-key-0123456789abcdef';

describe('the presenter key’s strength', () => {
  it('counts bits by the smallest alphabet a key is drawn from', () => {
    expect(keyStrengthBits('9f86d081884c7d659a2feaa0c55ad015')).toBe(128); // `openssl rand -hex 16`
    expect(keyStrengthBits('n_E_i7tX_pIAh23nZ7oBvn')).toBe(132); // 22 base64url characters
    expect(keyStrengthBits('3f9c1a7e2b8d4c6f')).toBe(64); // `openssl rand -hex 8`
    expect(keyStrengthBits('correct horse battery staple!')).toBeGreaterThanOrEqual(MIN_KEY_BITS);
    expect(keyStrengthBits('')).toBe(0);
  });

  it('gives nothing for a few characters repeated, however long', () => {
    expect(keyStrengthBits('a'.repeat(64))).toBe(0);
    expect(keyStrengthBits('abab'.repeat(16))).toBe(0);
    expect(keyStrengthBits('password'.repeat(8))).toBe(keyStrengthBits('password'));
    expect(keyStrengthBits('password'.repeat(8))).toBeLessThan(MIN_KEY_BITS);
  });

  it('refuses a weak key from the environment or the key file, saying how to make one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handsup-key-'));
    expect(() => loadPresenterKey(dataDir, { HANDSUP_PRESENTER_KEY: 'sixteen-chars-ok' })).toThrow(
      /HANDSUP_PRESENTER_KEY is too weak \(about \d+ bits; at least 128 .*openssl rand -base64 32/,
    );
    const made = loadPresenterKey(dataDir, {});
    expect(keyStrengthBits(made)).toBeGreaterThanOrEqual(256);
    expect(loadPresenterKey(dataDir, {})).toBe(made);
    writeFileSync(join(dataDir, 'presenter-key'), 'hunter2hunter2hunter2\n');
    expect(() => loadPresenterKey(dataDir, {})).toThrow(/presenter key in .*presenter-key is too weak/);
    expect(readFileSync(join(dataDir, 'presenter-key'), 'utf8')).toBe('hunter2hunter2hunter2\n');
    expect(loadPresenterKey(dataDir, { HANDSUP_PRESENTER_KEY: KEY })).toBe(KEY);
  });

  it('holds a cluster node’s key from the environment to the same rule as a single node’s', () => {
    // `handsup start --redis` reads it with presenterKeyFromEnv, and keeps a made key in Redis instead of a file.
    expect(() => presenterKeyFromEnv({ HANDSUP_PRESENTER_KEY: 'sixteen-chars-ok' })).toThrow(/HANDSUP_PRESENTER_KEY is too weak/);
    expect(presenterKeyFromEnv({ HANDSUP_PRESENTER_KEY: ` ${KEY} ` })).toBe(KEY);
    expect(presenterKeyFromEnv({})).toBeUndefined();
  });
});

describe('the presenter cookie', () => {
  const issued = Date.UTC(2026, 0, 1, 9, 0, 0);

  it('is valid from its issue until 12 hours later, judged by the server’s clock', () => {
    const value = presenterCookieValue(KEY, issued);
    expect(value).toMatch(/^v2\.\d+\.[\w-]{43}$/);
    expect(presenterCookieValid(value, KEY, issued)).toBe(true);
    expect(presenterCookieValid(value, KEY, issued + COOKIE_LIFETIME_MS)).toBe(true);
    expect(presenterCookieValid(value, KEY, issued + COOKIE_LIFETIME_MS + 1000)).toBe(false);
    expect(COOKIE_LIFETIME_MS).toBe(12 * 60 * 60 * 1000);
  });

  it('is refused with another key, a moved issue time, a tampered MAC, or from the future', () => {
    const value = presenterCookieValue(KEY, issued);
    const [version, seconds, mac] = value.split('.');
    expect(presenterCookieValid(value, `${KEY}-changed`, issued)).toBe(false);
    expect(presenterCookieValid(`${version}.${Number(seconds) + 3600}.${mac}`, KEY, issued + 3600_000)).toBe(false);
    expect(presenterCookieValid(`${version}.${seconds}.${mac!.slice(0, -1)}A`, KEY, issued)).toBe(mac!.endsWith('A'));
    expect(presenterCookieValid(presenterCookieValue(KEY, issued + 10 * 60_000), KEY, issued)).toBe(false);
    for (const junk of ['', 'v2', 'v2..', 'v1.1.x', `${value}.extra`, `v2.-5.${mac}`]) expect(presenterCookieValid(junk, KEY, issued)).toBe(false);
  });
});

describe('the wrong-key throttle', () => {
  it(`lets an address try ${WRONG_KEY_BURST} wrong keys, then one per ${WRONG_KEY_REFILL_MS / 1000} s`, () => {
    let now = 1_000_000;
    const throttle = new WrongKeyThrottle(() => now);
    for (let attempt = 0; attempt < WRONG_KEY_BURST; attempt += 1) {
      expect(throttle.check('10.0.0.7')).toEqual({ allowed: true });
      throttle.wrongKey('10.0.0.7');
    }
    expect(throttle.check('10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: WRONG_KEY_REFILL_MS / 1000 });
    // Another address is not slowed down.
    expect(throttle.check('10.0.0.8')).toEqual({ allowed: true });
    now += WRONG_KEY_REFILL_MS - 1000;
    expect(throttle.check('10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(throttle.check('10.0.0.7')).toEqual({ allowed: true });
    throttle.wrongKey('10.0.0.7');
    expect(throttle.check('10.0.0.7').allowed).toBe(false);
    // After a quiet minute the address has all its tries back.
    now += WRONG_KEY_BURST * WRONG_KEY_REFILL_MS;
    for (let attempt = 0; attempt < WRONG_KEY_BURST; attempt += 1) {
      expect(throttle.check('10.0.0.7').allowed).toBe(true);
      throttle.wrongKey('10.0.0.7');
    }
    expect(throttle.check('10.0.0.7').allowed).toBe(false);
  });

  it('counts an IPv4 address the same however Node writes it, and an IPv6 address by its /64', () => {
    expect(bucketOf('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(bucketOf('192.168.1.20')).toBe('192.168.1.20');
    expect(bucketOf('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(bucketOf('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
    expect(bucketOf('::1')).toBe('0:0:0:0::/64');
    let now = 0;
    const throttle = new WrongKeyThrottle(() => now);
    for (let attempt = 0; attempt < WRONG_KEY_BURST; attempt += 1) throttle.wrongKey(`2001:db8:0:1::${attempt + 1}`);
    expect(throttle.check('2001:db8:0:1::99').allowed).toBe(false);
    expect(throttle.check('2001:db8:0:2::1').allowed).toBe(true);
  });
});

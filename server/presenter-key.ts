import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_FILE = 'presenter-key';

/**
 * The presenter key: env HANDSUP_PRESENTER_KEY, or 256 random bits made on first
 * start and kept in the data folder (readable by the owner only).
 */
export function loadPresenterKey(dataDir: string, env = process.env): string {
  const fromEnv = env.HANDSUP_PRESENTER_KEY?.trim();
  if (fromEnv) {
    if (fromEnv.length < 16) {
      throw new Error('HANDSUP_PRESENTER_KEY is too short: use at least 16 characters (22+ random ones are 128 bits)');
    }
    return fromEnv;
  }
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 16) return saved;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Compares in constant time; hashing first makes the lengths equal without leaking them. */
export function keyMatches(expected: string, offered: unknown): boolean {
  if (typeof offered !== 'string') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(offered).digest();
  return timingSafeEqual(a, b);
}

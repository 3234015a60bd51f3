import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../user-error.ts';

const KEY_FILE = 'presenter-key';
/** The least a key may hold: guessing it stays out of reach even without the throttle. */
export const MIN_KEY_BITS = 128;
export const MAKE_A_KEY = 'make one with `openssl rand -base64 32` (or `openssl rand -hex 32`)';

/**
 * The alphabets a key is most likely drawn from, smallest first. A key counts the bits
 * per character of the smallest one that holds all its characters: 32 hex digits are
 * 128 bits, 22 base64 characters 132, and a passphrase of words pays for its letters.
 */
const ALPHABETS: { pattern: RegExp; size: number }[] = [
  { pattern: /^[0-9]+$/, size: 10 },
  { pattern: /^[0-9a-f]+$/, size: 16 },
  { pattern: /^[0-9A-F]+$/, size: 16 },
  { pattern: /^[a-z]+$/, size: 26 },
  { pattern: /^[0-9a-z]+$/, size: 36 },
  { pattern: /^[0-9A-Za-z]+$/, size: 62 },
  { pattern: /^[0-9A-Za-z+/=_-]+$/, size: 64 },
  { pattern: /^[\x20-\x7e]+$/, size: 95 },
];

/** The length of the shortest piece the key is a repetition of ("abcabcab" → 3), or its own length. */
function period(characters: readonly string[]): number {
  // Knuth–Morris–Pratt's failure function: the longest proper prefix that is also a suffix.
  const border = new Array<number>(characters.length).fill(0);
  for (let index = 1, length = 0; index < characters.length; index += 1) {
    while (length > 0 && characters[index] !== characters[length]) length = border[length - 1]!;
    if (characters[index] === characters[length]) length += 1;
    border[index] = length;
  }
  const shortest = characters.length - (border.at(-1) ?? 0);
  // Only a piece that comes at least twice is a repetition; "abca" merely starts as it ends.
  return shortest * 2 <= characters.length ? shortest : characters.length;
}

/**
 * An upper bound of the key's strength: length × bits per character of its alphabet. A
 * key that repeats itself counts once ("password" × 8 is "password"), and one made of a
 * handful of different characters counts nothing: no random source gives those. It
 * cannot see that a phrase is well known; the advice to use `openssl rand` is what makes
 * a key random.
 */
export function keyStrengthBits(key: string): number {
  const characters = [...key];
  if (characters.length === 0) return 0;
  const size = ALPHABETS.find(({ pattern }) => pattern.test(key))?.size ?? 95;
  // A random key of n characters from s symbols shows far more than min(n, s)/4 different ones.
  const distinct = new Set(characters).size;
  if (distinct < Math.min(characters.length, size) / 4) return 0;
  return Math.floor(period(characters) * Math.log2(size));
}

function checkStrength(key: string, source: string): string {
  const bits = keyStrengthBits(key);
  if (bits < MIN_KEY_BITS) {
    throw new UserError(
      `${source} is too weak (about ${bits} bits; at least ${MIN_KEY_BITS} are needed, e.g. 22 random base64 characters): ${MAKE_A_KEY}`,
    );
  }
  return key;
}

/** HANDSUP_PRESENTER_KEY when it is set, refused when under 128 bits; undefined when it is not set. */
export function presenterKeyFromEnv(env = process.env): string | undefined {
  const fromEnv = env.HANDSUP_PRESENTER_KEY?.trim();
  return fromEnv ? checkStrength(fromEnv, 'HANDSUP_PRESENTER_KEY') : undefined;
}

/** A new key: 256 random bits. */
export function newPresenterKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The presenter key: env HANDSUP_PRESENTER_KEY, or 256 random bits made on first start
 * and kept in the data folder (readable by the owner only). A key under 128 bits is
 * refused: it would be the only thing between the room and the presenter's controls.
 */
export function loadPresenterKey(dataDir: string, env = process.env): string {
  const fromEnv = presenterKeyFromEnv(env);
  if (fromEnv) return fromEnv;
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved) return checkStrength(saved, `the presenter key in ${file}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = newPresenterKey();
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

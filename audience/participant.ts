import { ID_MAX_LENGTH, ID_MIN_LENGTH, NICKNAME_MAX_LENGTH } from '../protocol/limits.ts';
import { STORAGE_KEYS, type KeyValueStore } from './storage.ts';

const ID_BYTES = 16; // 128 random bits → 22 base64url characters
const VALID_ID = new RegExp(`^[A-Za-z0-9_-]{${ID_MIN_LENGTH},${ID_MAX_LENGTH}}$`);

/**
 * A fresh random id as base64url. crypto.getRandomValues works on plain http too (a
 * laptop on a LAN has no certificate); crypto.randomUUID would not.
 */
export function randomId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(ID_BYTES));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * This phone's participant id for a talk: made once, then kept, so a reload, a restart
 * of the browser or of the server resumes the same participant and its answers.
 */
export function participantIdFor(store: KeyValueStore, joinCode: string): string {
  const key = STORAGE_KEYS.participant(joinCode);
  const kept = store.get(key);
  if (kept && VALID_ID.test(kept)) return kept;
  const made = randomId();
  store.set(key, made);
  return made;
}

/**
 * The nickname decided for a talk: a name, '' when skipped, undefined when not asked yet.
 */
export function decidedNickname(store: KeyValueStore, joinCode: string): string | undefined {
  return store.get(STORAGE_KEYS.nickname(joinCode)) ?? undefined;
}

/** Trimmed and cut to the server's limit without splitting a character (an emoji is two code units). */
export function tidyNickname(typed: string): string {
  let nickname = '';
  for (const character of typed.trim()) {
    if (nickname.length + character.length > NICKNAME_MAX_LENGTH) break;
    nickname += character;
  }
  return nickname.trim();
}

export function decideNickname(store: KeyValueStore, joinCode: string, typed: string): string {
  const nickname = tidyNickname(typed);
  store.set(STORAGE_KEYS.nickname(joinCode), nickname);
  if (nickname) store.set(STORAGE_KEYS.lastNickname, nickname);
  return nickname;
}

export function lastNickname(store: KeyValueStore): string {
  return store.get(STORAGE_KEYS.lastNickname) ?? '';
}

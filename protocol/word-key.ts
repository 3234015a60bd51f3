/**
 * "  Coffee   Break " and "coffee break" are one word in the cloud: the id a word is counted
 * (and moderated) under. A module of its own: only the phone and the engine need it, and
 * kept in protocol/session.ts (which every page reaches) it was split into a 0.1 KB chunk
 * of its own on the phone page.
 */
export function wordKey(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

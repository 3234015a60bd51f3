/**
 * Default question ids. Answers are stored under the id, so it must stay the same while
 * the presenter edits other parts of the deck: it is derived from the question text only
 * (never from a line number or a position).
 */

const MAX_SLUG_LENGTH = 48;

/** FNV-1a, 32 bits: tiny, stable, good enough to tell texts apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Lowercase ASCII words joined by hyphens, at most 48 characters, cut at a word boundary
 * when one is near the limit. Text with no Latin letters or digits at all (e.g. Japanese)
 * gets `q-` and a hash of the text instead, so it still has a stable id.
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return `q-${shortHash(text.trim())}`;
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH);
  if (ascii[MAX_SLUG_LENGTH] === '-') return cut;
  const lastHyphen = cut.lastIndexOf('-');
  const atWord = lastHyphen >= MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut;
  return atWord.replace(/-+$/, '');
}

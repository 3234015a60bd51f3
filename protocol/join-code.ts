/**
 * Join codes as people read them off a projector and type them on a phone. The server
 * makes and checks them; the phone tidies what was typed the same way before sending it.
 */

/** Letters nobody confuses when read off a projector: no I/L/O/U/V (or digits). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** What people type: any case, spaces or dashes between the letters. */
export function normaliseJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** A tidied code that could be a join code (the server still decides whether a talk has it). */
export function isWellFormedJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && /^[A-Z]+$/.test(code);
}

import { randomInt } from 'node:crypto';

/** Letters nobody confuses when read off a projector: no I/L/O/U/V (or digits). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ';
export const JOIN_CODE_LENGTH = 6;

export function makeJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What people type: any case, spaces or dashes between the letters. */
export function normaliseJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

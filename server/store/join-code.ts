import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../protocol/join-code.ts';

// The code's shape is shared with the phone, so it lives in protocol/.
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from '../../protocol/join-code.ts';

export function makeJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

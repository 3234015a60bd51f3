/** Stable error codes: clients switch on these; the message is for people. */
export const ERROR_CODES = [
  'bad_request',
  'forbidden',
  'not_found',
  'closed',
  /** A quiz answer sent while the question is still being read: answers open at its answersOpenAt. */
  'too_early',
  'rate_limited',
  'too_large',
  'conflict',
  'unavailable',
  /** The server failed at something it should not have: logged there, nothing changed. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

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

/**
 * The particulars of a refusal a phone may meet, for a client that says it in its own
 * words (the phone, in its language: audience/locales); `message` says it in English, for
 * logs and other clients. A refusal without one is said by its code alone.
 */
export type RefusalDetail =
  /** A quiz answer while the question is still being read: answers open in `seconds`. */
  | { reason: 'too_early'; seconds: number }
  /** Typed text (an answer, a nickname) over its `max` characters. */
  | { reason: 'too_long'; max: number }
  /** A word cloud or Q&A takes `most` entries per phone, all sent. */
  | { reason: 'answer_limit'; most: number }
  /** The same word or question, sent before. */
  | { reason: 'already_sent'; text: string }
  /** Another phone has this nickname: `suggestion` is free. */
  | { reason: 'nickname_taken'; suggestion: string }
  /** The nickname would be held back from the screen (profanity). */
  | { reason: 'nickname_held' }
  | { reason: 'own_question' };

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  detail?: RefusalDetail;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;

export function failure(code: ErrorCode, message: string, detail?: RefusalDetail): Failure {
  return detail ? { ok: false, code, message, detail } : { ok: false, code, message };
}

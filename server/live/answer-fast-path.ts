import type { AnswerSubmit } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';

const CLIENT_ID = /^[A-Za-z0-9_-]+$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Exactly these own keys, no other (an extra key, `__proto__` included, is left to zod). */
function hasExactly(object: Record<string, unknown>, keys: readonly string[]): boolean {
  let count = 0;
  for (const key in object) {
    if (!Object.hasOwn(object, key) || ++count > keys.length) return false;
  }
  if (count !== keys.length) return false;
  for (let i = 0; i < keys.length; i += 1) if (!Object.hasOwn(object, keys[i]!)) return false;
  return true;
}

function answerValue(value: unknown): AnswerSubmit['value'] | undefined {
  if (!isPlainObject(value)) return undefined;
  if (hasExactly(value, ['options'])) {
    const options = value.options;
    if (!Array.isArray(options) || options.length < 1 || options.length > LIMITS.maxOptionsPerAnswer) return undefined;
    for (let i = 0; i < options.length; i += 1) {
      const option: unknown = options[i];
      if (!Number.isInteger(option) || (option as number) < 0 || (option as number) > LIMITS.maxOptionsPerAnswer) return undefined;
    }
    // A plain array of the decoded message, nothing else refers to it: read as it is, not copied.
    return value as { options: number[] };
  }
  if (hasExactly(value, ['value'])) return typeof value.value === 'number' && Number.isFinite(value.value) ? (value as { value: number }) : undefined;
  if (hasExactly(value, ['text'])) return typeof value.text === 'string' && value.text.length <= LIMITS.textMaxLength ? (value as { text: string }) : undefined;
  return undefined;
}

/**
 * The answer payload as answerSubmitSchema (protocol/events.ts) reads it, for the plain,
 * well-formed answers nearly every phone sends: the schema's work without its generic
 * machinery, which in a burst of ten thousand answers costs more than the rest of the
 * check together. Anything else (undefined) goes to the schema, which accepts or refuses
 * it and says why. Never accepts what the schema refuses (tests/unit/answer-fast-path.test.ts).
 * What it accepts is the payload itself, not a copy: a burst's ten thousand answers make
 * nothing here.
 */
export function readAnswerSubmit(payload: unknown): AnswerSubmit | undefined {
  if (!isPlainObject(payload) || !hasExactly(payload, ['questionId', 'answerId', 'value'])) return undefined;
  const { questionId, answerId } = payload;
  if (typeof questionId !== 'string' || questionId.length < 1 || questionId.length > LIMITS.questionIdMaxLength) return undefined;
  if (typeof answerId !== 'string' || answerId.length < LIMITS.idMinLength || answerId.length > LIMITS.idMaxLength || !CLIENT_ID.test(answerId)) return undefined;
  // The decoded message itself, once it has exactly the schema's shape (nothing else refers to it).
  return answerValue(payload.value) && (payload as unknown as AnswerSubmit);
}

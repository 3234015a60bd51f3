import type { RefusalDetail } from '../../../protocol/errors.ts';
import type { AnswerValue } from '../../../protocol/session.ts';
import type { StoredAnswer } from '../../store/records.ts';
import type { AnswerCheck } from './question-type.ts';

/**
 * What the audience types, made tidy before it is counted or shown: Unicode NFC,
 * no control characters, trimmed. Lengths are counted in characters as people see
 * them (code points), not UTF-16 units, so an emoji counts once.
 */
export type TypedText = { ok: true; text: string } | { ok: false; message: string; detail?: RefusalDetail };

// C0/C1 controls, zero-width and bidi-override characters: invisible, and a way to make text lie.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * singleLine: every run of white space becomes one space (word clouds, nicknames).
 * Otherwise line breaks are kept, at most one blank line in a row (open answers, Q&A).
 */
export function cleanTypedText(raw: string, maxLength: number, what: string, singleLine: boolean): TypedText {
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
  text = singleLine
    ? text.replace(/\s+/g, ' ')
    : text
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
  text = text.trim();
  if (text === '') return { ok: false, message: `the ${what} is empty — type something first` };
  const length = characterCount(text);
  if (length > maxLength) {
    return { ok: false, message: `the ${what} is ${length} characters long; the most is ${maxLength} — shorten it`, detail: { reason: 'too_long', max: maxLength } };
  }
  return { ok: true, text };
}

/** Checks a typed answer ({ text }) and returns it cleaned; `shape` tells a phone what to send instead. */
export function checkTypedAnswer(
  value: AnswerValue,
  limits: { maxLength: number; what: string; singleLine: boolean; shape: string },
): AnswerCheck {
  if (!('text' in value)) return { ok: false, message: `${limits.shape} is { text: "…" }` };
  const cleaned = cleanTypedText(value.text, limits.maxLength, limits.what, limits.singleLine);
  return cleaned.ok ? { ok: true, value: { text: cleaned.text } } : cleaned;
}

/** The text of a stored typed answer ('' for any other shape, which checkTypedAnswer never lets in). */
export function answerText(answer: StoredAnswer): string {
  return 'text' in answer.value ? answer.value.text : '';
}

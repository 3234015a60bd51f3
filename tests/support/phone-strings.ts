import { formatFor } from '../../audience/i18n/format.ts';
import type { LocaleCode } from '../../audience/i18n/pick-locale.ts';
import english from '../../audience/locales/en.ts';
import type { Refusal, Strings } from '../../audience/strings.ts';
import { ERROR_CODES, type RefusalDetail } from '../../protocol/errors.ts';

/** The phone's words as an English phone shows them: what the tests expect to read. */
export const en: Strings = english(formatFor('en'));

/** Any language's table, numbers formatted for `tag` (the language itself by default). */
export async function stringsFor(code: LocaleCode, tag: string = code): Promise<Strings> {
  const table = (await import(`../../audience/locales/${code}.ts`)) as { default: (format: ReturnType<typeof formatFor>) => Strings };
  return table.default(formatFor(tag));
}

/** Every particular a refusal may carry: a new kind fails to compile here until it has a sample. */
const DETAILS: { [R in RefusalDetail['reason']]: Extract<RefusalDetail, { reason: R }> } = {
  too_early: { reason: 'too_early', seconds: 3 },
  too_long: { reason: 'too_long', max: 20 },
  answer_limit: { reason: 'answer_limit', most: 3 },
  already_sent: { reason: 'already_sent', text: 'Tea' },
  nickname_taken: { reason: 'nickname_taken', suggestion: 'Ana 2' },
  nickname_held: { reason: 'nickname_held' },
  own_question: { reason: 'own_question' },
};

/** Every refusal a phone may say (Strings.refusal): each code alone, no reply, and each particular. */
export const EVERY_REFUSAL: Refusal[] = [
  ...[...ERROR_CODES, 'no_reply' as const].map((code) => ({ code })),
  ...Object.values(DETAILS).map((detail) => ({ code: 'conflict' as const, detail })),
];

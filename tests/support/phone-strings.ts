import { formatFor } from '../../audience/i18n/format.ts';
import type { LocaleCode } from '../../audience/i18n/pick-locale.ts';
import english from '../../audience/locales/en.ts';
import type { Strings } from '../../audience/strings.ts';

/** The phone's words as an English phone shows them: what the tests expect to read. */
export const en: Strings = english(formatFor('en'));

/** Any language's table, numbers formatted for `tag` (the language itself by default). */
export async function stringsFor(code: LocaleCode, tag: string = code): Promise<Strings> {
  const table = (await import(`../../audience/locales/${code}.ts`)) as { default: (format: ReturnType<typeof formatFor>) => Strings };
  return table.default(formatFor(tag));
}

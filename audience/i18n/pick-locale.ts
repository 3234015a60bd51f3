import { LOCALES, type LocaleCode } from '../../protocol/locales.ts';

export { LOCALES, type LocaleCode };

export interface LocaleChoice {
  /** Which table of words. */
  code: LocaleCode;
  /** The tag numbers and the page's lang follow: the phone's own variant of that language when it has one (de-CH, pt-BR). */
  tag: string;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';
const supported = (tag: string): LocaleCode | undefined => LOCALES.find((code) => code === primary(tag));

/**
 * The deck's `lang` wins when the phone can speak it (the talk is in that language);
 * otherwise the first of the phone's languages it speaks; otherwise English.
 */
export function pickLocale(deckLang: string | undefined, phoneLanguages: readonly string[]): LocaleChoice {
  const wanted = [...(deckLang ? [deckLang] : []), ...phoneLanguages].find((tag) => supported(tag));
  if (!wanted) return { code: 'en', tag: phoneLanguages.find((tag) => primary(tag) === 'en') ?? 'en' };
  const code = supported(wanted)!;
  // Same language on the phone, perhaps with its region: its number style is the one the person reads.
  // (Browsers give well-formed tags; the compiler checks the deck's.)
  return { code, tag: phoneLanguages.find((phoneTag) => primary(phoneTag) === code) ?? wanted };
}

import { useStrings, type Strings } from '../strings.ts';
import { formatFor, type Format } from './format.ts';
import type { LocaleChoice, LocaleCode } from './pick-locale.ts';

type Table = { default: (format: Format) => Strings };

/** One chunk per language (Vite splits each import() into its own file): a phone fetches only its own. */
const TABLES: Record<LocaleCode, () => Promise<Table>> = {
  en: () => import('../locales/en.ts'),
  de: () => import('../locales/de.ts'),
  fr: () => import('../locales/fr.ts'),
  es: () => import('../locales/es.ts'),
  pt: () => import('../locales/pt.ts'),
  it: () => import('../locales/it.ts'),
  nl: () => import('../locales/nl.ts'),
  pl: () => import('../locales/pl.ts'),
};

/** Fetches the chosen language's words, makes them the ones in use, and marks the page with its language. */
export async function loadStrings(choice: LocaleChoice): Promise<void> {
  const table = await TABLES[choice.code]();
  useStrings(table.default(formatFor(choice.tag)));
  document.documentElement.lang = choice.tag;
}

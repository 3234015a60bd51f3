import localeUrls from 'virtual:handsup-locale-urls';
import { useStrings, type Strings } from '../strings.ts';
import { formatFor, type Format } from './format.ts';
import type { LocaleChoice } from './pick-locale.ts';

type Table = { default: (format: Format) => Strings };

/**
 * Fetches the chosen language's words (one chunk per language: a phone fetches only its
 * own), makes them the ones in use, and marks the page with its language.
 */
export async function loadStrings(choice: LocaleChoice): Promise<void> {
  const table = (await import(/* @vite-ignore */ localeUrls[choice.code]!)) as Table;
  useStrings(table.default(formatFor(choice.tag)));
  document.documentElement.lang = choice.tag;
}

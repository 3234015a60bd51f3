import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { LOCALES } from '../../protocol/locales.ts';

/** What audience/i18n/load-strings.ts imports: each language's address (see locale-urls.d.ts). */
export const LOCALE_URLS_MODULE = 'virtual:handsup-locale-urls';
const RESOLVED_ID = `\0${LOCALE_URLS_MODULE}`;

/**
 * The phone's languages (audience/locales/xx.ts), one chunk each, known to the page by address.
 *
 * A plain `import('../locales/de.ts')` would do the same, but Vite wraps every such import in
 * its preload helper (a shared chunk, 0.9 KB gzipped: a second request and 4% of the phone's
 * 25 KB budget), there to fetch a chunk's own imports and CSS ahead; a language table has
 * neither. Here each table is emitted as its own chunk with its default export kept, and the
 * page imports it by the address this module gives; in dev the address is the source file's.
 */
export function languageChunks(): Plugin {
  let building = false;
  let root = '';
  return {
    name: 'handsup-language-chunks',
    configResolved(config) {
      building = config.command === 'build';
      root = config.root;
    },
    resolveId: (id) => (id === LOCALE_URLS_MODULE ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const entries = LOCALES.map((code) => {
        const source = `audience/locales/${code}.ts`;
        if (!building) return `${code}: ${JSON.stringify(`/${source}`)}`;
        const reference = this.emitFile({ type: 'chunk', id: resolve(root, source), name: code, preserveSignature: 'strict' });
        return `${code}: import.meta.ROLLUP_FILE_URL_${reference}`;
      });
      return `export default { ${entries.join(', ')} };`;
    },
  };
}

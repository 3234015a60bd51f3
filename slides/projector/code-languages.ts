/**
 * The highlight.js languages of this deck, and no other: the compiler lists the modules
 * its code blocks use (deck.display.codeLanguages), each is its own small file in the
 * build, fetched only by a deck that names it, and registered on highlight.js's core,
 * which reveal.js's highlight plugin uses in this build (slides/vite/highlight-core.ts).
 * A block that names no language, or one not loaded, is marked plain text: it is never
 * guessed at.
 */
import hljs from 'highlight.js/lib/core';
import type { LanguageFn } from 'highlight.js';

const LANGUAGES = import.meta.glob<LanguageFn>(['/node_modules/highlight.js/es/languages/*.js', '!**/*.js.js'], { import: 'default' });
const PLAIN_TEXT = 'plaintext';
/** highlight.js's own reading of a block's class: `language-x` / `lang-x` first, else any class that names a language. */
const LANGUAGE_CLASS = /\blang(?:uage)?-([\w-]+)\b/i;
const NO_HIGHLIGHT = /^no-?highlight$/i;

async function register(name: string): Promise<void> {
  if (hljs.getLanguage(name)) return;
  const loader = LANGUAGES[`/node_modules/highlight.js/es/languages/${name}.js`];
  if (!loader) throw new Error(`handsup: no highlight.js language "${name}" in this build — rebuild the pages (npm run build)`);
  hljs.registerLanguage(name, await loader());
}

function namesKnownLanguage(code: Element): boolean {
  const named = LANGUAGE_CLASS.exec(code.className)?.[1];
  if (named !== undefined) return NO_HIGHLIGHT.test(named) || hljs.getLanguage(named) !== undefined;
  return [...code.classList].some((name) => NO_HIGHLIGHT.test(name) || hljs.getLanguage(name) !== undefined);
}

/** Registers the deck's languages; then every code block whose language is not among them shows as plain text. */
export async function loadCodeLanguages(slides: HTMLElement, languages: readonly string[]): Promise<void> {
  await Promise.all(languages.map(register));
  const unknown = [...slides.querySelectorAll('pre code')].filter((code) => !namesKnownLanguage(code));
  if (unknown.length === 0) return;
  await register(PLAIN_TEXT);
  for (const code of unknown) code.classList.add(`language-${PLAIN_TEXT}`);
}

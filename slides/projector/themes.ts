/**
 * Loads the deck's reveal.js theme and highlight.js style (front matter `theme` and
 * `highlightTheme`; the compiler has checked the names). Each is its own CSS file in
 * the build, fetched only by a deck that names it; the theme's fonts are local files
 * (slides/vite/theme-fonts.ts). The code highlighter (reveal.js's highlight plugin on
 * highlight.js's core, with only the languages the deck uses) and its style are fetched
 * only by a deck that shows code.
 */
import type { RevealConfig } from 'reveal.js';
import type { DeckDisplay } from '../../protocol/deck.ts';
import { loadCodeLanguages } from './code-languages.ts';

const REVEAL_THEMES = import.meta.glob('/node_modules/reveal.js/dist/theme/*.css');
const HIGHLIGHT_THEMES = import.meta.glob(['/node_modules/highlight.js/styles/**/*.css', '!**/*.min.css']);

function load(loaders: Record<string, () => Promise<unknown>>, path: string): Promise<unknown> {
  const loader = loaders[path];
  if (!loader) throw new Error(`handsup: no stylesheet ${path} in this build — rebuild the pages (npm run build)`);
  return loader();
}

export function hasCode(slides: HTMLElement): boolean {
  return slides.querySelector('pre code') !== null;
}

export async function loadThemes(display: DeckDisplay, withCode: boolean): Promise<void> {
  document.body.dataset.theme = display.theme;
  await Promise.all([
    load(REVEAL_THEMES, `/node_modules/reveal.js/dist/theme/${display.theme}.css`),
    withCode ? load(HIGHLIGHT_THEMES, `/node_modules/highlight.js/styles/${display.highlightTheme}.css`) : undefined,
  ]);
}

/** reveal.js's highlight plugin (line numbers and highlight steps as reveal.js has them) and the deck's languages, when the deck has code. */
export async function codePlugins(slides: HTMLElement, display: DeckDisplay): Promise<NonNullable<RevealConfig['plugins']>> {
  if (!hasCode(slides)) return [];
  const [{ default: RevealHighlight }] = await Promise.all([import('reveal.js/plugin/highlight'), loadCodeLanguages(slides, display.codeLanguages)]);
  return [RevealHighlight];
}

/**
 * Loads the deck's reveal.js theme and highlight.js style (front matter `theme` and
 * `highlightTheme`; the compiler has checked the names). Each is its own CSS file in
 * the build, fetched only by a deck that names it; the theme's fonts are local files
 * (slides/vite/theme-fonts.ts).
 */
import type { DeckDisplay } from '../../protocol/deck.ts';

const REVEAL_THEMES = import.meta.glob('/node_modules/reveal.js/dist/theme/*.css');
const HIGHLIGHT_THEMES = import.meta.glob(['/node_modules/highlight.js/styles/**/*.css', '!**/*.min.css']);

function load(loaders: Record<string, () => Promise<unknown>>, path: string): Promise<unknown> {
  const loader = loaders[path];
  if (!loader) throw new Error(`handsup: no stylesheet ${path} in this build — rebuild the pages (npm run build)`);
  return loader();
}

export async function loadThemes(display: DeckDisplay): Promise<void> {
  document.body.dataset.theme = display.theme;
  await Promise.all([
    load(REVEAL_THEMES, `/node_modules/reveal.js/dist/theme/${display.theme}.css`),
    load(HIGHLIGHT_THEMES, `/node_modules/highlight.js/styles/${display.highlightTheme}.css`),
  ]);
}

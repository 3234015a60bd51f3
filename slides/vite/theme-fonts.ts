import type { Plugin } from 'vite';

/**
 * reveal.js's theme CSS, made to work with no internet and to load light: the fonts the
 * built themes inline (every weight, base64, 570 KB) and the ones they fetch from a font
 * CDN are replaced by local woff2 files from @fontsource, only the weights the theme
 * uses, split by unicode-range so a browser fetches only the subsets a slide needs.
 * (simple's heading font, News Cycle, has no local package: its headings fall back to
 * the theme's next font, Impact or sans-serif.)
 */
const FONTS: Record<string, string[]> = {
  'source-sans-pro': ['400', '400-italic', '600', '600-italic'].map((weight) => `@fontsource/source-sans-pro/${weight}.css`),
  lato: ['400', '400-italic', '700', '700-italic'].map((weight) => `@fontsource/lato/${weight}.css`),
  'league-gothic': ['@fontsource/league-gothic/400.css'],
  'open-sans': ['400', '400-italic', '700', '700-italic'].map((weight) => `@fontsource/open-sans/${weight}.css`),
  montserrat: ['@fontsource/montserrat/700.css'],
  quicksand: ['400', '700'].map((weight) => `@fontsource/quicksand/${weight}.css`),
  ubuntu: ['300', '300-italic', '700', '700-italic'].map((weight) => `@fontsource/ubuntu/${weight}.css`),
};

/** The fonts each theme's variables name (--r-main-font, --r-heading-font). */
const THEME_FONTS: Record<string, string[]> = {
  white: ['source-sans-pro'],
  black: ['source-sans-pro'],
  'white-contrast': ['source-sans-pro'],
  'black-contrast': ['source-sans-pro'],
  beige: ['source-sans-pro'],
  league: ['lato', 'league-gothic'],
  moon: ['lato', 'league-gothic'],
  solarized: ['lato', 'league-gothic'],
  simple: ['lato'],
  night: ['open-sans', 'montserrat'],
  sky: ['open-sans', 'quicksand'],
  blood: ['ubuntu'],
  dracula: [],
  serif: [],
};

const THEME_FILE = /[\\/]reveal\.js[\\/]dist[\\/]theme[\\/]([\w-]+)\.css$/;
const INLINED_FONT = /@font-face\s*\{[^}]*\}/g;
const REMOTE_IMPORT = /@import\s*(?:url\()?\s*["']?https?:[^;]*;/g;

export function themeWithLocalFonts(theme: string, css: string): string {
  const imports = (THEME_FONTS[theme] ?? []).flatMap((font) => FONTS[font] ?? []).map((file) => `@import '${file}';`);
  return [...imports, css.replace(INLINED_FONT, '').replace(REMOTE_IMPORT, '')].join('\n');
}

export function localThemeFonts(): Plugin {
  return {
    name: 'handsup-theme-fonts',
    enforce: 'pre',
    transform(code, id) {
      const theme = THEME_FILE.exec(id.split('?')[0] ?? id)?.[1];
      return theme ? { code: themeWithLocalFonts(theme, code), map: null } : undefined;
    },
  };
}

import { defineConfig } from 'vite';
import { handsupDeck } from './slides/vite/deck-plugin.ts';
import { revealHighlightOnCore } from './slides/vite/highlight-core.ts';
import { languageChunks } from './slides/vite/language-chunks.ts';
import { slimSocketClient } from './slides/vite/slim-socket-client.ts';
import { precompressAssets } from './slides/vite/precompress-assets.ts';
import { localThemeFonts } from './slides/vite/theme-fonts.ts';
import { DEFAULT_DECK_FILE } from './slides/talks/default.ts';
import { PAGES } from './protocol/routes.ts';

// HANDSUP_DECK lets `handsup dev --deck FILE` (and a build of another talk) reuse this config.
export default defineConfig({
  plugins: [
    handsupDeck({ deckFile: process.env.HANDSUP_DECK ?? DEFAULT_DECK_FILE }),
    slimSocketClient(),
    languageChunks(),
    revealHighlightOnCore(),
    localThemeFonts(),
    precompressAssets(),
  ],
  // `handsup dev`: the packages the pages import, pre-bundled once at start and never found
  // later. Left to discovery, Vite's optimizer scans the pages in the background on a cold
  // cache (a fresh clone, every `npm ci`), and whatever it finds late makes it bundle again,
  // answer the old bundle's requests with 504 "Outdated Optimize Dep" and reload every page:
  // a page that just loaded, or a reload the deck edit asked for, breaks under it. A new
  // dependency of a page goes in this list (a CommonJS one must; ESM ones are served as they are).
  optimizeDeps: {
    entries: PAGES.map((page) => page.html),
    include: ['reveal.js', 'reveal.js/plugin/highlight', 'highlight.js/lib/core', 'socket.io-client'],
    noDiscovery: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill fetches <link rel="modulepreload"> targets for browsers without it, but every
    // page here imports its chunks statically, so such a browser finds them when it parses the
    // entry anyway: 0.4 KB gzipped on the phone page for nothing.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page.html.replace(/\/index\.html$/, ''), page.html])),
    },
  },
});

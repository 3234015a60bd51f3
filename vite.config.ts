import { defineConfig } from 'vite';
import { d3CloudAsEsm } from './slides/vite/d3-cloud-esm.ts';
import { engineIoWithoutWebTransport } from './slides/vite/engine-io-without-webtransport.ts';
import { handsupDeck } from './slides/vite/deck-plugin.ts';
import { localThemeFonts } from './slides/vite/theme-fonts.ts';
import { DEFAULT_DECK_FILE } from './slides/talks/default.ts';
import { PAGES } from './server/http/pages.ts';

// HANDSUP_DECK lets `handsup dev --deck FILE` (and a build of another talk) reuse this config.
export default defineConfig({
  plugins: [handsupDeck({ deckFile: process.env.HANDSUP_DECK ?? DEFAULT_DECK_FILE }), d3CloudAsEsm(), engineIoWithoutWebTransport(), localThemeFonts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The projector bundles reveal.js's highlight plugin with every highlight.js language
    // (~1 MB): it is served from the presenter's own laptop, never over the internet.
    chunkSizeWarningLimit: 1200,
    // The polyfill fetches <link rel="modulepreload"> targets for browsers without it, but every
    // page here imports its chunks statically, so such a browser finds them when it parses the
    // entry anyway: 0.4 KB gzipped on the phone page for nothing.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page.html.replace(/\/index\.html$/, ''), page.html])),
    },
  },
});

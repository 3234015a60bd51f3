import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Plugin as VitePlugin } from 'vite';
import type { Deck } from '../../protocol/deck.ts';
import { pageFor } from '../../protocol/routes.ts';
import { servePage, withDriveMarker, withPageLang } from '../http/serve-page.ts';
import { createTalkRoutes } from '../http/talk-routes.ts';
import { attachLiveSession, type LiveSession } from '../live/live-session.ts';
import { DIST_DIR } from '../paths.ts';
import { openTalk, type Talk } from '../talk.ts';

export interface LiveDevOptions {
  deck: Deck;
  deckFile: string;
  dataDir: string;
  newSession?: boolean;
  /** New phones per client address and minute; 0 for no limit. */
  joinsPerMinute?: number;
  /** Called once the talk is open, with what `handsup dev` prints. */
  onReady?: (talk: Talk) => void;
}

/** The deck plugin (slides/vite/deck-plugin.ts), by its name and `api`: this layer does not import slides/vite. */
const DECK_PLUGIN_NAME = 'handsup-deck';
interface DeckPluginApi {
  onDeckCompiled(listener: (deck: Deck) => void): void;
}

function deckPluginApi(plugins: readonly VitePlugin[]): DeckPluginApi {
  const api = plugins.find((plugin) => plugin.name === DECK_PLUGIN_NAME)?.api as Partial<DeckPluginApi> | undefined;
  if (typeof api?.onDeckCompiled !== 'function') {
    throw new Error(`handsup dev needs the ${DECK_PLUGIN_NAME} plugin (vite.config.ts) to hear of deck edits`);
  }
  return api as DeckPluginApi;
}

/**
 * `npm run dev` with the live server attached: the same talk, store, presenter gate and
 * Socket.IO session as `handsup start`, on Vite's own HTTP server. Editing the deck swaps
 * in an engine for the new deck that carries on with every answer stored so far.
 */
export function handsupLiveDev(options: LiveDevOptions): VitePlugin {
  const deckFile = resolve(options.deckFile);
  let talk: Talk | undefined;
  let live: LiveSession | undefined;

  return {
    name: 'handsup-live-dev',
    // Before the deck plugin: pages go through the presenter gate first.
    enforce: 'pre',
    configureServer(server) {
      const http = server.httpServer as HttpServer | null;
      if (!http) throw new Error('handsup dev needs Vite to run its own HTTP server (not middleware mode)');
      const opened = openTalk({ deck: options.deck, deckFile, dataDir: options.dataDir, newSession: options.newSession });
      talk = opened;
      live = attachLiveSession(http, { ...opened, shareUpgrades: true, limits: { joinsPerMinute: options.joinsPerMinute } });
      let deck = options.deck;
      const routes = createTalkRoutes({
        talk: opened,
        deck: () => deck,
        deckFile,
        distDir: DIST_DIR,
        listening: () => ({
          host: server.config.server.host === true ? '0.0.0.0' : 'localhost',
          port: (http.address() as AddressInfo | null)?.port ?? 0,
        }),
        live: () => live,
        health: () => ({ mode: 'dev' }),
      });
      // The deck plugin compiles each edit once; a clean one carries the talk on with the new deck.
      deckPluginApi(server.config.plugins).onDeckCompiled((edited) => {
        live?.replaceEngine(opened.reload(edited));
        deck = edited;
      });

      server.middlewares.use((req, res, next) => {
        if (routes(req, res)) return;
        const page = pageFor(new URL(req.url ?? '/', 'http://localhost').pathname);
        if (!page) return next();
        servePage(req, res, page, opened.presenterKey, async (presenter) => {
          const source = await readFile(join(server.config.root, page.html), 'utf8');
          // Transformed as the file it is, so its relative script and style addresses resolve.
          const html = withPageLang(page, await server.transformIndexHtml(`/${page.html}`, source, req.originalUrl), deck.lang);
          return presenter ? withDriveMarker(html) : html;
        }).catch(next);
      });

      http.once('close', () => {
        void live?.close('the dev server stopped').finally(() => opened.store.close());
      });
      options.onReady?.(opened);
    },
  };
}

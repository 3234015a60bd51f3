import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { onDeckSaved } from '../../slides/vite/deck-watch.ts';
import { createApiRoutes, storageHealth } from '../http/api-routes.ts';
import { createExportRoutes } from '../http/export-routes.ts';
import { joinInfo, joinOrigin } from '../http/join-info.ts';
import { pageFor } from '../http/pages.ts';
import { servePage, withDriveMarker, withPageLang } from '../http/serve-page.ts';
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

/**
 * `npm run dev` with the live server attached: the same talk, store, presenter gate and
 * Socket.IO session as `handsup start`, on Vite's own HTTP server. Editing the deck swaps
 * in an engine for the new deck that carries on with every answer stored so far.
 */
export function handsupLiveDev(options: LiveDevOptions): Plugin {
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
      const port = () => (http.address() as AddressInfo | null)?.port ?? 0;
      /** What phones are given to open, on the join slide and in the presenter's PDF alike. */
      const joinAddress = (req: IncomingMessage) => joinOrigin(req, server.config.server.host === true ? '0.0.0.0' : 'localhost', port());
      const api = createApiRoutes({
        health: () => ({
          ...storageHealth(live?.storage() ?? { ok: true, problems: [] }),
          deck: options.deck.title,
          session: opened.session.id,
          joinCode: opened.session.joinCode,
          mode: 'dev',
          connections: live?.connections() ?? 0,
          participants: live?.participants() ?? 0,
        }),
        join: (req) => joinInfo(joinAddress(req), opened.session.joinCode),
      });
      const exportRoutes = createExportRoutes({
        source: { deck: options.deck, session: opened.session, store: opened.store },
        deckFile,
        distDir: DIST_DIR,
        presenterKey: opened.presenterKey,
        joinOrigin: joinAddress,
      });

      let deckLang = options.deck.lang;
      onDeckSaved(server, deckFile, () => {
        const { deck, problems } = compileDeckFile(deckFile);
        // A broken deck keeps the last good one live; the deck plugin shows the problems.
        if (problems.length > 0) return;
        live?.replaceEngine(opened.reload(deck));
        deckLang = deck.lang;
      });

      server.middlewares.use((req, res, next) => {
        if (api(req, res) || exportRoutes(req, res)) return;
        const page = pageFor(new URL(req.url ?? '/', 'http://localhost').pathname);
        if (!page) return next();
        servePage(req, res, page, opened.presenterKey, async (presenter) => {
          const source = await readFile(join(server.config.root, page.html), 'utf8');
          // Transformed as the file it is, so its relative script and style addresses resolve.
          const html = withPageLang(page, await server.transformIndexHtml(`/${page.html}`, source, req.originalUrl), deckLang);
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

import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { toPublicDeck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { createEventLoopDelay } from './http/event-loop-delay.ts';
import { createStaticRoutes } from './http/static-routes.ts';
import { createTalkRoutes } from './http/talk-routes.ts';
import { attachLiveSession, type LiveSession } from './live/live-session.ts';
import { openTalk, type Talk, type TalkOptions, type TalkStore } from './talk.ts';

/** How long the goodbye has to reach phones on long-polling before their connections end. */
const GOODBYE_MS = 200;

export interface HandsupServerOptions extends TalkOptions {
  distDir: string;
  /** `--url`: the address phones use (the QR code and the join slide), when not this machine's own. */
  publicUrl?: string;
  /** New phones per client address and minute (`--joins-per-minute`); 0 for no limit. */
  joinsPerMinute?: number;
  /** A talk opened already (a cluster node's, from Redis); otherwise it is opened from the data folder. */
  talk?: Talk;
}

export interface HandsupServer {
  http: HttpServer;
  live: LiveSession;
  session: SessionInfo;
  /** True when the latest session of this deck was picked up again. */
  resumed: boolean;
  presenterKey: string;
  /** The talk's store: the export routes read it (and a test may reach its database). */
  store: TalkStore;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Graceful stop: tells the clients, writes pending answers, closes sockets and the store. */
  close(reason?: string): Promise<void>;
}

/** One origin, one port: the built pages, the public deck, /healthz and the live session. */
export function createHandsupServer(options: HandsupServerOptions): HandsupServer {
  const { store, presenterKey, session, resumed, engine, log } = options.talk ?? openTalk(options);

  const eventLoopDelay = createEventLoopDelay();
  let listenHost = '0.0.0.0';
  let listenPort = 0;
  const startedAt = new Date().toISOString();
  let live: LiveSession | undefined;
  const pages = createStaticRoutes({
    distDir: options.distDir,
    publicDeckJson: JSON.stringify(toPublicDeck(options.deck)),
    deckLang: options.deck.lang,
    presenterKey,
  });
  const talkRoutes = createTalkRoutes({
    talk: { session, store, presenterKey },
    deck: () => options.deck,
    deckFile: options.deckFile,
    distDir: options.distDir,
    listening: () => ({ host: listenHost, port: listenPort }),
    publicUrl: options.publicUrl,
    live: () => live,
    health: (req) => ({
      startedAt,
      eventLoopDelayMs: eventLoopDelay(new URL(req.url ?? '/', 'http://localhost').searchParams.has('reset')),
    }),
  });
  const http = createServer((req, res) => {
    if (!talkRoutes(req, res)) pages(req, res);
  });
  live = attachLiveSession(http, { engine, log, presenterKey, limits: { joinsPerMinute: options.joinsPerMinute } });

  let closing: Promise<void> | undefined;
  return {
    http,
    live,
    session,
    resumed,
    presenterKey,
    store,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          const address = http.address() as AddressInfo;
          listenHost = host;
          listenPort = address.port;
          resolve(address);
        });
      }),
    close: (reason = 'the server is shutting down') =>
      (closing ??= (async () => {
        // No new connection from here on. The open ones are ended once the clients have been told: a
        // browser keeps its connections alive, and a page reconnecting after its socket closed would
        // start a new session on one of them and hold the server open for as long as the page stays.
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        const liveClosed = live.close(reason);
        await Promise.race([liveClosed, delay(GOODBYE_MS)]);
        http.closeAllConnections();
        await liveClosed;
        await httpClosed;
        await store.close();
      })()),
  };
}

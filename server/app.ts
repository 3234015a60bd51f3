import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toPublicDeck, type Deck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { SessionEngine } from './engine/session-engine.ts';
import { createExportRoutes } from './http/export-routes.ts';
import { joinInfo, joinOrigin } from './http/join-info.ts';
import { createStaticRoutes } from './http/static-routes.ts';
import { attachLiveSession, type LiveSession } from './live/live-session.ts';
import { loadPresenterKey } from './presenter-key.ts';
import { AnswerWriter } from './store/answer-writer.ts';
import { SqliteStore } from './store/sqlite-store.ts';

export interface HandsupServerOptions {
  deck: Deck;
  /** Absolute path of the deck: sessions are resumed per deck file. */
  deckFile: string;
  distDir: string;
  dataDir: string;
  /** Start a fresh session instead of resuming this deck's latest one. */
  newSession?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface HandsupServer {
  http: HttpServer;
  live: LiveSession;
  session: SessionInfo;
  /** True when the latest session of this deck was picked up again. */
  resumed: boolean;
  presenterKey: string;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Graceful stop: tells the clients, writes pending answers, closes sockets and the store. */
  close(reason?: string): Promise<void>;
}

/** One origin, one port: the built pages, the public deck, /healthz and the live session. */
export function createHandsupServer(options: HandsupServerOptions): HandsupServer {
  const store = new SqliteStore(options.dataDir);
  const presenterKey = loadPresenterKey(options.dataDir, options.env);
  const previous = options.newSession ? undefined : store.latestSessionForDeck(options.deckFile);
  const session = previous ?? store.createSession(options.deckFile, options.deck.title);
  const engine = new SessionEngine(options.deck, session, previous ? store.loadSession(session.id) : undefined);
  const writer = new AnswerWriter((answers) => store.saveAnswers(session.id, answers));

  let listenHost = '0.0.0.0';
  let listenPort = 0;
  const startedAt = new Date().toISOString();
  let live: LiveSession | undefined;
  const routes = createStaticRoutes({
    distDir: options.distDir,
    publicDeckJson: JSON.stringify(toPublicDeck(options.deck)),
    health: () => ({
      deck: options.deck.title,
      session: session.id,
      joinCode: session.joinCode,
      startedAt,
      connections: live?.connections() ?? 0,
      participants: live?.participants() ?? 0,
    }),
    join: (req) => joinInfo(joinOrigin(req, listenHost, listenPort), session.joinCode),
    presenterKey,
  });
  // The presenter's downloads (results, PDF) read the same store the talk writes to.
  const exportRoutes = createExportRoutes({ source: { deck: options.deck, session, store }, deckFile: options.deckFile, distDir: options.distDir, presenterKey });
  const http = createServer((req, res) => {
    if (!exportRoutes(req, res)) routes(req, res);
  });
  live = attachLiveSession(http, { engine, store, writer, presenterKey });

  let closing: Promise<void> | undefined;
  return {
    http,
    live,
    session,
    resumed: previous !== undefined,
    presenterKey,
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
        await live.close(reason);
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
        store.close();
      })()),
  };
}

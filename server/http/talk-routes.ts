import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deck } from '../../protocol/deck.ts';
import type { SessionInfo, StorageStatus } from '../../protocol/session.ts';
import type { ExportStore } from '../export/final-results.ts';
import { createApiRoutes, storageHealth } from './api-routes.ts';
import { createExportRoutes } from './export-routes.ts';
import { joinInfo, joinOrigin } from './join-info.ts';

export interface TalkRoutesOptions {
  /** The talk's session, where its records are, and the key its downloads ask for. */
  talk: { session: SessionInfo; store: ExportStore; presenterKey: string };
  /** The deck presented now, read at every request: `handsup dev` swaps it when the file is edited. */
  deck: () => Deck;
  /** The deck's file: the downloads are named after it. */
  deckFile: string;
  /** The built pages: the PDF is printed from the projector page there. */
  distDir: string;
  /** Where the server listens: the join address when the projector was opened on loopback. */
  listening: () => { host: string; port: number };
  /** `--url`: the address phones use, when not this machine's own. */
  publicUrl?: string;
  /** The live session, once attached: /healthz reports its connections and whether answers are being saved. */
  live: () => { storage(): StorageStatus; connections(): number; participants(): number } | undefined;
  /** What else /healthz says (`start`: since when, the event-loop delay; `dev`: the mode). */
  health?: (req: IncomingMessage) => Record<string, unknown>;
}

/** Handles the request and returns true when it is one of the talk's routes. */
export type TalkRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The routes a talk adds to the pages, the same for `handsup start` and `handsup dev`:
 * /healthz, /join.json and the presenter's downloads (results, PDF). The pages
 * themselves are served by each server its own way (built files, or Vite).
 */
export function createTalkRoutes(options: TalkRoutesOptions): TalkRoutes {
  const { session, store, presenterKey } = options.talk;
  /** What phones are given to open, on the join slide and in the presenter's PDF alike. */
  const joinAddress = (req: IncomingMessage) => {
    const { host, port } = options.listening();
    return joinOrigin(req, host, port, options.publicUrl);
  };
  const api = createApiRoutes({
    health: (req) => {
      const live = options.live();
      return {
        ...storageHealth(live?.storage() ?? { ok: true, problems: [] }),
        deck: options.deck().title,
        session: session.id,
        joinCode: session.joinCode,
        ...options.health?.(req),
        connections: live?.connections() ?? 0,
        participants: live?.participants() ?? 0,
      };
    },
    join: (req) => joinInfo(joinAddress(req), session.joinCode),
  });
  const exportRoutes = createExportRoutes({
    // A getter, so that every download reads the deck as it is now, not as it was at start.
    source: {
      get deck() {
        return options.deck();
      },
      session,
      store,
    },
    deckFile: options.deckFile,
    distDir: options.distDir,
    presenterKey,
    joinOrigin: joinAddress,
  });
  return (req, res) => exportRoutes(req, res) || api(req, res);
}

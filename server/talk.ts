import type { Deck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { SessionEngine } from './engine/session-engine.ts';
import { loadPresenterKey } from './auth/presenter-key.ts';
import { SessionLog } from './store/session-log.ts';
import type { SessionStore } from './store/session-store.ts';
import { SqliteStore } from './store/sqlite-store.ts';

export interface TalkOptions {
  deck: Deck;
  /** Absolute path of the deck: sessions are resumed per deck file. */
  deckFile: string;
  dataDir: string;
  /** Start a fresh session instead of resuming this deck's latest one. */
  newSession?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Where a talk's records are kept (SQLite, or Redis for a cluster): the live session and the export read it. */
export type TalkStore = SessionStore;

/** A talk's live state, opened from the data folder (or from Redis): the same for `start` and `dev`. */
export interface Talk {
  store: TalkStore;
  presenterKey: string;
  session: SessionInfo;
  /** True when the latest session of this deck was picked up again. */
  resumed: boolean;
  engine: SessionEngine;
  /** Where the talk's records are committed: answers and upvotes batched, everything else at once. */
  log: SessionLog;
  /** An engine for an edited deck, carrying on with everything stored so far. */
  reload(deck: Deck): SessionEngine;
}

/** A talk around its store: one log writes both the answers and the upvotes, and a reload reads what it wrote. */
export function talkOn(store: TalkStore, parts: Omit<Talk, 'store' | 'log' | 'reload'>): Talk {
  const log = new SessionLog(store, parts.session.id);
  return {
    ...parts,
    store,
    log,
    reload(deck) {
      // Answers and upvotes still gathering must be in the store before the new engine reads it back.
      log.flush();
      return new SessionEngine(deck, parts.session, log.readBack());
    },
  };
}

export function openTalk(options: TalkOptions): Talk {
  const store = new SqliteStore(options.dataDir);
  const presenterKey = loadPresenterKey(options.dataDir, options.env);
  const previous = options.newSession ? undefined : store.latestSessionForDeck(options.deckFile);
  const session = previous ?? store.createSession(options.deckFile, options.deck.title);
  const engine = new SessionEngine(options.deck, session, previous ? store.readBack(session.id) : undefined);
  return talkOn(store, { presenterKey, session, resumed: previous !== undefined, engine });
}

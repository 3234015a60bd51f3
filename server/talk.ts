import type { Deck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { SessionEngine } from './engine/session-engine.ts';
import { loadPresenterKey } from './auth/presenter-key.ts';
import { SessionLog } from './store/session-log.ts';
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

/** A talk's live state, opened from the data folder: the same for `start` and `dev`. */
export interface Talk {
  store: SqliteStore;
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

export function openTalk(options: TalkOptions): Talk {
  const store = new SqliteStore(options.dataDir);
  const presenterKey = loadPresenterKey(options.dataDir, options.env);
  const previous = options.newSession ? undefined : store.latestSessionForDeck(options.deckFile);
  const session = previous ?? store.createSession(options.deckFile, options.deck.title);
  const engine = new SessionEngine(options.deck, session, previous ? store.readBack(session.id) : undefined);
  const log = new SessionLog(store, session.id);
  return {
    store,
    presenterKey,
    session,
    resumed: previous !== undefined,
    engine,
    log,
    reload(deck) {
      // Answers and upvotes still gathering must be on disk before the new engine reads the store.
      log.flush();
      return new SessionEngine(deck, session, log.readBack());
    },
  };
}

import type { Deck } from '../protocol/deck.ts';
import type { SessionInfo } from '../protocol/session.ts';
import { SessionEngine } from './engine/session-engine.ts';
import { loadPresenterKey } from './auth/presenter-key.ts';
import { AnswerWriter } from './store/answer-writer.ts';
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
  writer: AnswerWriter;
  /** An engine for an edited deck, carrying on with everything stored so far. */
  reload(deck: Deck): SessionEngine;
}

export function openTalk(options: TalkOptions): Talk {
  const store = new SqliteStore(options.dataDir);
  const presenterKey = loadPresenterKey(options.dataDir, options.env);
  const previous = options.newSession ? undefined : store.latestSessionForDeck(options.deckFile);
  const session = previous ?? store.createSession(options.deckFile, options.deck.title);
  const engine = new SessionEngine(options.deck, session, previous ? store.loadSession(session.id) : undefined);
  const writer = new AnswerWriter((answers) => store.saveAnswers(session.id, answers));
  return {
    store,
    presenterKey,
    session,
    resumed: previous !== undefined,
    engine,
    writer,
    reload(deck) {
      // What is still waiting must be on disk before the new engine reads the store.
      writer.flushNow();
      return new SessionEngine(deck, session, store.loadSession(session.id));
    },
  };
}

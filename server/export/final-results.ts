import type { Deck } from '../../protocol/deck.ts';
import type { SessionInfo } from '../../protocol/session.ts';
import { SessionEngine } from '../engine/session-engine.ts';
import type { RestoredSession, StoredResponse } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { Pseudonyms } from './pseudonyms.ts';

/** What the export reads from a store: SQLite's, or a cluster node's copy of the Redis log. */
export type ExportStore = Pick<SessionStore, 'readBack' | 'responses'>;

/** One session of one deck, as the export reads it. */
export interface ExportSource {
  deck: Deck;
  session: SessionInfo;
  store: ExportStore;
}

/**
 * The export comes after the talk and is the presenter's record, so it reveals
 * everything: every quiz question that was opened counts as closed and revealed (its
 * correct options are shown and its points count), even one the room never saw revealed.
 * A quiz still counting down is closed at its deadline, or now if that is still to come.
 */
export function settleQuizzes(deck: Deck, restored: RestoredSession, now: number): RestoredSession {
  const quizTime = new Map(deck.questions.flatMap((question) => (question.type === 'quiz' ? [[question.id, question.time] as const] : [])));
  return {
    ...restored,
    questionStates: restored.questionStates.map((state) => {
      const time = quizTime.get(state.questionId);
      if (time === undefined || state.status === 'pending' || state.openedAt === null) return state;
      const closedAt = state.status === 'closed' && state.closedAt !== null ? state.closedAt : Math.min(now, state.openedAt + time * 1000);
      return { ...state, status: 'closed', revealed: true, closedAt };
    }),
  };
}

/**
 * A fresh engine rebuilt from the store, quizzes settled: the same rules that ran the talk
 * compute the exported results. It is the export's own copy; a live server's engine is
 * never touched.
 */
export function finalEngine(source: ExportSource, now = Date.now()): SessionEngine {
  const restored = source.store.readBack(source.session.id);
  return new SessionEngine(source.deck, source.session, settleQuizzes(source.deck, restored, now));
}

/** Everything the results export reads: the final engine, every stored response, the pseudonyms. */
export interface FinalSession {
  source: ExportSource;
  engine: SessionEngine;
  /** Every response ever stored, oldest first: changed and reset ones too. */
  responses: StoredResponse[];
  pseudonyms: Pseudonyms;
}

export function readFinalSession(source: ExportSource, now = Date.now()): FinalSession {
  const responses = source.store.responses(source.session.id);
  return {
    source,
    engine: finalEngine(source, now),
    responses,
    pseudonyms: new Pseudonyms(responses.map((response) => response.participantId)),
  };
}

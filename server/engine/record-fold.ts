import type { RestoredSession, SessionRecord } from '../store/records.ts';
import { countAnswer } from './answer-counting.ts';
import type { EngineEffect } from './effects.ts';
import { withDeadline } from './question-lifecycle.ts';
import type { SessionState } from './session-state.ts';

/**
 * The engine's way in from the store: a session read back after a restart, and committed
 * records folded in commit order. Times come from the records, never from a clock, so
 * every node that folds the same log holds the same state.
 */

/** Rebuilds the session exactly as the store kept it. */
export function restore(session: SessionState, restored: RestoredSession): void {
  if (session.slideAt(restored.cursor)) session.cursor = { ...restored.cursor };
  for (const saved of restored.questionStates) {
    const question = session.question(saved.questionId);
    if (question) session.states.set(saved.questionId, withDeadline(question, { ...saved, responses: 0 }));
  }
  for (const answerId of restored.discardedAnswerIds) session.answers.forgetOwner(answerId);
  for (const answer of restored.answers) {
    const question = session.question(answer.questionId);
    if (question) countAnswer(session, question, answer);
  }
  for (const mark of restored.entryMarks ?? []) session.moderation.restore(mark);
  for (const vote of restored.votes ?? []) session.votes.add(vote);
  for (const { participantId, nickname } of restored.nicknames ?? []) session.nicknames.take(participantId, nickname);
  session.reactions.addCounts(restored.reactions ?? []);
  for (const [questionId, state] of session.states) state.responses = session.answers.respondents(questionId);
}

/**
 * Counts committed records, in commit order. Records the engine made itself from a
 * presenter command (cursor, question states, resets) and reactions are in its state
 * already; the phones' records and the presenter's marks count only from here.
 * `fromElsewhere`: the records come from the shared log (another node wrote them, or a
 * node replays the log at start), so the presenter's records count here too.
 */
export function fold(session: SessionState, records: readonly SessionRecord[], fromElsewhere: boolean): EngineEffect[] {
  const folded: Folded = { changed: new Set(), discarded: [], board: false, views: false };
  foldEach(session, records, fromElsewhere, folded);
  const effects: EngineEffect[] = [...folded.discarded];
  for (const questionId of folded.changed) {
    // Counted once per commit, not once per answer: a burst's commit holds thousands.
    const state = session.states.get(questionId);
    if (state) state.responses = session.answers.respondents(questionId);
    effects.push({ kind: 'results-changed', questionId });
  }
  if (folded.board) effects.push({ kind: 'board-changed' });
  if (folded.views) effects.push({ kind: 'views-changed' });
  return effects;
}

/** What folding some records changed. */
interface Folded {
  changed: Set<string>;
  discarded: EngineEffect[];
  board: boolean;
  views: boolean;
}

/**
 * The loop of fold, in a function with nothing after it. A burst's first fold (thousands of
 * records) is optimised while it runs, and the code after such a loop has not run yet then:
 * reaching it would throw that optimised code away and compile it all again.
 */
function foldEach(session: SessionState, records: readonly SessionRecord[], fromElsewhere: boolean, folded: Folded): void {
  const { changed } = folded;
  for (const record of records) {
    // Another node's presenter commands (or a replay of the log) change this engine only here.
    if (fromElsewhere && foldPresenterRecord(session, record, changed, folded.discarded)) {
      folded.views = true;
      folded.board ||= session.quiz.inPlay;
      continue;
    }
    switch (record.kind) {
      case 'answer': {
        const question = session.question(record.questionId);
        // Known already: a re-send committed twice, or an id a reset discarded.
        if (!question || session.answers.ownerOf(record.answerId) !== undefined) break;
        // The committed record is the stored answer (a copy for each of a burst's answers would be garbage at once).
        countAnswer(session, question, record);
        changed.add(question.id);
        break;
      }
      case 'vote':
        if (session.question(record.questionId) && session.votes.add(record)) changed.add(record.questionId);
        break;
      case 'entry-mark':
        session.moderation.restore(record);
        changed.add(record.questionId);
        break;
      case 'nickname':
        session.nicknames.take(record.participantId, record.nickname);
        session.quiz.invalidate();
        folded.board ||= session.quiz.inPlay;
        break;
      default:
        break;
    }
  }
}

/**
 * The records a presenter command makes (slide, question state, reset) and reaction
 * counts, as another node committed them: true when the record was one of those.
 */
function foldPresenterRecord(session: SessionState, record: SessionRecord, changed: Set<string>, effects: EngineEffect[]): boolean {
  switch (record.kind) {
    case 'cursor':
      if (session.slideAt(record.cursor)) session.cursor = { ...record.cursor };
      return true;
    case 'question-state': {
      const question = session.question(record.state.questionId);
      if (!question) return true;
      const state = withDeadline(question, record.state);
      state.responses = session.answers.respondents(question.id);
      session.states.set(question.id, state);
      session.quiz.invalidate();
      changed.add(question.id);
      return true;
    }
    case 'discard':
      if (!session.question(record.questionId)) return true;
      if (session.answers.discard(record.questionId) > 0) effects.push({ kind: 'discard-answers', questionId: record.questionId });
      session.moderation.clear(record.questionId);
      session.votes.clear(record.questionId);
      session.states.get(record.questionId)!.responses = 0;
      session.quiz.invalidate();
      changed.add(record.questionId);
      return true;
    case 'reactions':
      session.reactions.addCounts(record.bursts);
      // Another node's phones reacted: this node's projectors float them too.
      effects.push({ kind: 'reactions-elsewhere', bursts: record.bursts });
      return true;
    default:
      return false;
  }
}

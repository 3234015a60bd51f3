import type { Question } from '../../protocol/deck.ts';
import { failure } from '../../protocol/errors.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import type { QuestionState, SlideCursor } from '../../protocol/session.ts';
import type { RestoredQuestionState } from '../store/records.ts';
import type { EngineEffect, EngineOutcome } from './effects.ts';
import { moduleFor } from './question-types/index.ts';
import { addedTime, everyoneAnswered } from './question-types/quiz-timing.ts';
import { freshState, type SessionState } from './session-state.ts';
import { revealedOnClose } from './visibility.ts';

/**
 * How questions open and close: the presenter moves the talk and controls questions, and
 * timed questions (quizzes) open their answers after the read phase and close at zero or
 * once the whole room has answered. Type-specific timing comes from the type's module.
 */

/** Presenter moves the talk. Reaching a question's slide opens it unless it was closed. */
export function goTo(session: SessionState, target: SlideCursor, now: number): EngineOutcome<{ cursor: SlideCursor }> {
  const slide = session.slideAt(target);
  if (!slide) return failure('not_found', `there is no slide at h=${target.h}, v=${target.v}`);
  const cursor = { h: target.h, v: target.v, f: Math.max(-1, Math.min(target.f, slide.fragments - 1)) };
  const before = session.cursor;
  if (cursor.h === before.h && cursor.v === before.v && cursor.f === before.f) return { ok: true, cursor, effects: [] };
  session.cursor = cursor;
  const effects: EngineEffect[] = [{ kind: 'save-cursor', cursor }];
  const question = session.currentQuestion();
  const state = question && session.states.get(question.id)!;
  if (question && state && state.status === 'pending') {
    open(question, state, now);
    effects.push({ kind: 'save-question-state', state: { ...state } });
  }
  effects.push({ kind: 'views-changed' });
  return { ok: true, cursor, effects };
}

/** Presenter controls a question. Repeating a command that already holds changes nothing. */
export function control(session: SessionState, questionId: string, action: QuestionAction, now: number): EngineOutcome<{ question: QuestionState }> {
  const question = session.question(questionId);
  const state = session.states.get(questionId);
  if (!question || !state) return failure('not_found', `no question with id "${questionId}" in this deck`);
  const before = { ...state };
  const effects: EngineEffect[] = [];
  const timed = moduleFor(question).timed;

  switch (action) {
    case 'open':
    case 'reopen': {
      const refused = timed?.refuseReopen(state);
      if (refused) return refused;
      if (state.status !== 'open') open(question, state, now);
      break;
    }
    case 'close':
      if (state.status !== 'closed') close(question, state, now);
      break;
    case 'reveal':
      state.revealed = true;
      break;
    case 'hide':
      state.revealed = false;
      break;
    case 'add-time': {
      const added = addedTime(timed, state, now);
      if ('ok' in added) return added;
      state.closesAt = added.closesAt;
      break;
    }
    case 'reset': {
      if (session.answers.discard(questionId) > 0) effects.push({ kind: 'discard-answers', questionId });
      session.moderation.clear(questionId);
      session.votes.clear(questionId);
      Object.assign(state, freshState(question));
      delete state.closesAt;
      delete state.answersOpenAt;
      if (session.currentQuestion()?.id === questionId) open(question, state, now);
      effects.push({ kind: 'results-changed', questionId });
      break;
    }
  }

  if (!sameState(before, state) || effects.length > 0) {
    session.quiz.invalidate();
    effects.unshift({ kind: 'save-question-state', state: { ...state } });
    effects.push({ kind: 'views-changed' });
  }
  return { ok: true, question: { ...state }, effects };
}

/** When the wiring's timer must fire next: an open timed question's answers open (after `now`) or its time runs out. */
export function nextDeadline(session: SessionState, now: number): number | undefined {
  let next: number | undefined;
  for (const state of session.states.values()) {
    if (state.status !== 'open' || state.closesAt === undefined) continue;
    const due = state.answersOpenAt !== undefined && state.answersOpenAt > now ? state.answersOpenAt : state.closesAt;
    if (next === undefined || due < next) next = due;
  }
  return next;
}

/**
 * The timer fired (at nextDeadline): closes every question whose time is up; when instead a
 * read phase just ended, every view goes out again, so phones open their answer buttons on
 * the server's word (their own countdown may run late in a background tab).
 */
export function deadlineReached(session: SessionState, now: number): EngineEffect[] {
  const closed = closeExpired(session, now);
  if (closed.length > 0) return closed;
  const answersOpened = [...session.states.values()].some(
    (state) => state.status === 'open' && state.answersOpenAt !== undefined && state.answersOpenAt <= now,
  );
  return answersOpened ? [{ kind: 'views-changed' }] : [];
}

/** Closes every question whose time is up (the wiring calls this when a countdown ends). */
export function closeExpired(session: SessionState, now: number): EngineEffect[] {
  const effects: EngineEffect[] = [];
  for (const [questionId, state] of session.states) {
    if (state.status !== 'open' || state.closesAt === undefined || state.closesAt > now) continue;
    close(session.question(questionId)!, state, state.closesAt);
    effects.push({ kind: 'save-question-state', state: { ...state } }, { kind: 'results-changed', questionId });
  }
  if (effects.length > 0) {
    session.quiz.invalidate();
    effects.push({ kind: 'views-changed' });
  }
  return effects;
}

/**
 * Closes an open question whose type says so once every phone connected now has answered
 * it: the room does not wait out the countdown. The wiring knows who is connected and asks
 * after each counted answer (and when a phone leaves).
 */
export function closeWhenAllAnswered(
  session: SessionState,
  questionId: string,
  phones: { readonly size: number; keys(): Iterable<string> },
  now: number,
): EngineEffect[] {
  const question = session.question(questionId);
  const state = session.states.get(questionId);
  if (!question || !moduleFor(question).timed?.closesWhenAllAnswered || state?.status !== 'open') return [];
  const answered = (participantId: string) => session.answers.of(questionId, participantId).length > 0;
  if (!everyoneAnswered(state.responses, phones, answered)) return [];
  close(question, state, now);
  session.quiz.invalidate();
  return [{ kind: 'save-question-state', state: { ...state } }, { kind: 'results-changed', questionId }, { kind: 'views-changed' }];
}

/** A stored state with a timed question's read phase and countdown worked out from its opening (a stored deadline wins: added time). */
export function withDeadline(question: Question, state: RestoredQuestionState): QuestionState {
  const { closesAt: stored, ...rest } = state;
  const restored: QuestionState = { ...rest };
  const timed = moduleFor(question).timed;
  if (timed && state.openedAt !== null && state.status !== 'pending') {
    Object.assign(restored, timed.window(question, state.openedAt), stored != null ? { closesAt: stored } : {});
  }
  return restored;
}

function open(question: Question, state: QuestionState, now: number): void {
  Object.assign(state, { status: 'open', openedAt: now, closedAt: null });
  const timed = moduleFor(question).timed;
  if (timed) Object.assign(state, timed.window(question, now));
}

function close(question: Question, state: QuestionState, at: number): void {
  Object.assign(state, { status: 'closed', closedAt: at });
  if (revealedOnClose(question)) state.revealed = true;
}

function sameState(a: QuestionState, b: QuestionState): boolean {
  return a.status === b.status && a.revealed === b.revealed && a.responses === b.responses && a.openedAt === b.openedAt && a.closesAt === b.closesAt;
}

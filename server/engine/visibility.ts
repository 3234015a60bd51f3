import type { Question } from '../../protocol/deck.ts';
import type { QuestionState } from '../../protocol/session.ts';

/**
 * The results rules in one place.
 * - `revealed` puts the results on the projector and on every phone; `hide` takes them
 *   off both. The presenter console always sees them.
 * - live: revealed from the start. after-vote: each phone sees them once it has voted,
 *   everyone once revealed or closed. after-close: closing reveals them.
 *   presenter-only: never on phones (the presenter may still reveal on the projector).
 */
export function initiallyRevealed(question: Question): boolean {
  return question.results === 'live';
}

export function revealedOnClose(question: Question): boolean {
  return question.results === 'after-close' || question.results === 'after-vote';
}

/** Who among the phones may see this question's results right now. */
export type AudienceReach = 'everyone' | 'answered' | 'nobody';

export function audienceReach(question: Question, state: QuestionState): AudienceReach {
  if (question.results === 'presenter-only') return 'nobody';
  if (state.revealed) return 'everyone';
  return question.results === 'after-vote' ? 'answered' : 'nobody';
}

export function audienceMaySee(question: Question, state: QuestionState, hasAnswered: boolean): boolean {
  const reach = audienceReach(question, state);
  return reach === 'everyone' || (reach === 'answered' && hasAnswered);
}

/** A question's answer is out once it is closed and revealed: only then do phones learn a quiz's answer, and only then does it score. */
export function isSettled(state: QuestionState): boolean {
  return state.status === 'closed' && state.revealed;
}

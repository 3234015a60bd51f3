import type { QuizQuestion } from '../../../protocol/deck.ts';
import { failure, type Failure } from '../../../protocol/errors.ts';
import { QUIZ_ADDED_SECONDS } from '../../../protocol/session.ts';
import type { QuestionState } from '../../../protocol/session.ts';
import type { TimedRun } from './question-type.ts';

/**
 * A quiz question's rhythm, as the quiz apps people know it: the question shows for its
 * `read` seconds (everyone reads it, nobody can tap yet), then answers open for its `time`
 * seconds. Every time is the server's clock: the phones, the console and the projector
 * count down to these instants, corrected by the server time each view carries.
 */
export function quizWindow(question: QuizQuestion, openedAt: number): { answersOpenAt: number; closesAt: number } {
  const answersOpenAt = openedAt + question.read * 1000;
  return { answersOpenAt, closesAt: answersOpenAt + question.time * 1000 };
}

/** An answer is refused while the question is still being read; undefined when it may be counted. */
export function tooEarly(state: QuestionState, now: number): Failure | undefined {
  if (state.answersOpenAt === undefined || now >= state.answersOpenAt) return undefined;
  const seconds = Math.ceil((state.answersOpenAt - now) / 1000);
  return failure('too_early', `answers open once the question has been read — in ${seconds} s`, { reason: 'too_early', seconds });
}

/**
 * The presenter's "+10 s": the running countdown ends QUIZ_ADDED_SECONDS later (counted
 * from now when the deadline has just passed and the close is still on its way). Returns
 * the new deadline, or why there is nothing to add time to.
 */
export function addedTime(run: TimedRun | undefined, state: QuestionState, now: number): { closesAt: number } | Failure {
  if (!run) return failure('bad_request', `"${state.questionId}" is not a quiz question: only a quiz's countdown takes more time`);
  if (state.status !== 'open' || state.closesAt === undefined) {
    return failure('closed', 'this quiz question is not running — more time only goes to an open question');
  }
  return { closesAt: Math.max(state.closesAt, now) + QUIZ_ADDED_SECONDS * 1000 };
}

/**
 * Every phone in the room has answered: the question need not wait for its countdown.
 * `phones` are the participants connected now; at least one answer is needed (an empty
 * room does not end a question). The count is compared first, so a big room pays for
 * the full check only once nearly everyone has answered.
 */
export function everyoneAnswered(
  responses: number,
  phones: { readonly size: number; keys(): Iterable<string> },
  hasAnswered: (participantId: string) => boolean,
): boolean {
  if (phones.size === 0 || responses < phones.size) return false;
  for (const participantId of phones.keys()) if (!hasAnswered(participantId)) return false;
  return true;
}

import type { PublicQuestion, QuestionType } from '../protocol/deck.ts';
import type { Strings } from './strings.ts';

export interface AnswerStatusInput {
  open: boolean;
  /** An answer is waiting to be acknowledged. */
  pending: boolean;
  /** …and is on its way right now. */
  sending: boolean;
  /** The server has acknowledged an answer to this question. */
  received: boolean;
  /** Why the server refused the last answer, if it did. */
  rejection: string | null;
}

export type AnswerStatusKind = 'none' | 'sending' | 'queued' | 'received' | 'rejected';

/** What "received" means depends on the type: a quiz answer is final, typed answers are moderated. */
function receivedText(type: QuestionType, open: boolean, text: Strings): string {
  if (type === 'quiz') return text.statusLockedIn;
  if (type !== 'choice' && type !== 'scale') return text.statusModerated;
  return open ? text.statusReceivedCanChange : text.statusReceived;
}

/** The one line under the answer controls that says where the phone's answer is. */
export function answerStatus(input: AnswerStatusInput, text: Strings, type: QuestionType = 'choice'): { kind: AnswerStatusKind; text: string } {
  if (input.pending) {
    return input.sending ? { kind: 'sending', text: text.statusSending } : { kind: 'queued', text: text.statusQueued };
  }
  if (input.rejection) return { kind: 'rejected', text: input.rejection };
  if (input.received) return { kind: 'received', text: receivedText(type, input.open, text) };
  return { kind: 'none', text: '' };
}

/** Why no results are on the phone, when the question's `results` setting is the reason. */
export function resultsHint(question: PublicQuestion, answered: boolean, open: boolean, text: Strings): string | null {
  switch (question.results) {
    case 'presenter-only':
      return text.resultsPresenterOnly;
    case 'after-vote':
      return open && !answered ? text.resultsAfterVote : null;
    case 'after-close':
      return open ? text.resultsAfterClose : null;
    case 'live':
      return null;
  }
}

import type { PublicQuestion, QuestionType } from '../protocol/deck.ts';
import { RESULT_ENTRIES } from '../protocol/limits.ts';
import { QUESTION_TYPE_FACTS } from '../protocol/question-types.ts';
import type { OwnAnswer, Results } from '../protocol/session.ts';
import { phoneResults } from './results-shapes.ts';
import type { Strings } from './strings.ts';

/**
 * Where the phone's latest word, text answer or Q&A question is, by the server's rules
 * (server/engine/visibility.ts, moderation.ts): a clean entry is approved as it arrives
 * and listed wherever results may be seen; one the word filter catches waits for the
 * presenter, who may also hide any entry. 'unknown' when the phone cannot tell yet.
 */
export type EntryWhereabouts = 'shown' | 'held' | 'after-close' | 'presenter-only' | 'hidden' | 'unknown';

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
  /** Typed entries only: where the latest one is. */
  entry?: EntryWhereabouts;
}

export type AnswerStatusKind = 'none' | 'sending' | 'queued' | 'received' | 'rejected';

type EntryText = 'statusEntryShown' | 'statusEntryHeld' | 'statusEntryAfterClose' | 'statusEntryPresenterOnly' | 'statusEntryHidden' | 'statusReceived';

const ENTRY_TEXT: Record<EntryWhereabouts, EntryText> = {
  shown: 'statusEntryShown',
  held: 'statusEntryHeld',
  'after-close': 'statusEntryAfterClose',
  'presenter-only': 'statusEntryPresenterOnly',
  hidden: 'statusEntryHidden',
  unknown: 'statusReceived',
};

/** What "received" means depends on the type: a quiz answer is final, typed entries go where their rules say. */
function receivedText(type: QuestionType, input: AnswerStatusInput, text: Strings): string {
  const facts = QUESTION_TYPE_FACTS[type];
  if (facts.answerMode === 'final') return text.statusLockedIn;
  if (facts.moderated) return text[ENTRY_TEXT[input.entry ?? 'unknown']];
  return input.open ? text.statusReceivedCanChange : text.statusReceived;
}

/** The one line under the answer controls that says where the phone's answer is. */
export function answerStatus(input: AnswerStatusInput, text: Strings, type: QuestionType = 'choice'): { kind: AnswerStatusKind; text: string } {
  if (input.pending) {
    return input.sending ? { kind: 'sending', text: text.statusSending } : { kind: 'queued', text: text.statusQueued };
  }
  if (input.rejection) return { kind: 'rejected', text: input.rejection };
  if (input.received) return { kind: 'received', text: receivedText(type, input, text) };
  return { kind: 'none', text: '' };
}

/**
 * results: what this phone may see (null: nothing); fresh: those results came after the
 * phone's latest entry was acknowledged (before that, its absence from them means nothing).
 */
export function entryWhereabouts(question: PublicQuestion, results: Results | null, own: OwnAnswer | undefined, open: boolean, fresh: boolean): EntryWhereabouts {
  if (!own) return 'unknown';
  if (!results) {
    if (question.results === 'presenter-only') return 'presenter-only';
    if (question.results === 'after-close' && open) return 'after-close';
    // after-vote: this phone has answered, so its results are on their way; live or closed: the presenter hid them.
    return question.results === 'after-vote' ? 'unknown' : 'hidden';
  }
  const entries = phoneResults(results).entries;
  if (!entries) return 'unknown';
  const ids = entries.listed(results);
  if (ids.includes(entries.idOf(own))) return 'shown';
  // Lists are cut at RESULT_ENTRIES: a full list may just not reach this entry.
  return fresh && ids.length < RESULT_ENTRIES ? 'held' : 'unknown';
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

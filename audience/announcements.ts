import type { Strings } from './strings.ts';

/** What the live view showed, reduced to what is worth announcing when it changes. */
export interface LiveSnapshot {
  questionId: string | null;
  questionText: string;
  open: boolean;
  /** A quiz: its answer is final ("locked in" rather than "received"). */
  final: boolean;
  /** Id of the answer the server acknowledged for the question shown. */
  receivedAnswerId: string | null;
  resultsShown: boolean;
  /** The phone's points on the quiz question just revealed, in words; null before. */
  score: string | null;
  slideTitle: string;
}

/**
 * The aria-live messages for a change of screen: a new question, voting closed or
 * reopened, the answer received (or locked in), results shown, the points scored. Slide
 * changes between questions stay quiet (they would talk over the presenter all the time);
 * going back to waiting does not.
 */
export function announcementsFor(before: LiveSnapshot | null, after: LiveSnapshot, text: Strings): string[] {
  const messages: string[] = [];
  if (before === null || before.questionId !== after.questionId) {
    if (after.questionId !== null) {
      messages.push(text.announceQuestionOpened(after.questionText));
      if (!after.open) messages.push(text.announceClosed);
      if (after.resultsShown) messages.push(text.announceResultsShown);
      if (after.score) messages.push(after.score);
    } else if (before !== null) {
      messages.push(text.announceWaiting(after.slideTitle || text.waitingUntitledSlide));
    }
    return messages;
  }
  if (after.questionId === null) return messages;
  if (before.open && !after.open) messages.push(text.announceClosed);
  if (!before.open && after.open) messages.push(text.announceQuestionOpened(after.questionText));
  if (after.receivedAnswerId !== null && after.receivedAnswerId !== before.receivedAnswerId) {
    messages.push(after.final ? text.announceLockedIn : text.announceAnswerReceived);
  }
  if (after.resultsShown && !before.resultsShown) messages.push(text.announceResultsShown);
  if (after.score && after.score !== before.score) messages.push(after.score);
  return messages;
}

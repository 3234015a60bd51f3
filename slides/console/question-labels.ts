import type { Question, ResultsVisibility } from '../../protocol/deck.ts';
import { QUESTION_TYPE_FACTS } from '../../protocol/question-types.ts';
import type { QuestionState } from '../../protocol/session.ts';

/** "Poll · several answers", "Quiz · 20 s", "Scale 1–5": the descriptor's label, with the settings that matter while it runs. */
export function typeLabel(question: Question): string {
  const { label } = QUESTION_TYPE_FACTS[question.type];
  if ('multiple' in question) return question.multiple ? `${label} · several answers` : label;
  if ('time' in question) return `${label} · ${question.time} s`;
  if ('min' in question) return `${label} ${question.min}–${question.max}`;
  return label;
}

/** Who sees the results, in a line the presenter can act on. */
export const VISIBILITY_HINT: Record<ResultsVisibility, string> = {
  live: 'Results are live: phones and the projector see them as the votes arrive.',
  'after-vote': 'Each phone sees the results once it has voted; the projector when you reveal them.',
  'after-close': 'Nobody but you sees the results until you close voting or reveal them.',
  'presenter-only': 'Phones never see these results; Reveal puts them on the projector.',
};

export const STATUS_LABEL: Record<QuestionState['status'], string> = {
  pending: 'Not opened yet',
  open: 'Voting open',
  closed: 'Voting closed',
};

/** The open/close button's next action: one button that always does the sensible thing. */
export function votingAction(status: QuestionState['status']): { action: 'open' | 'close' | 'reopen'; label: string } {
  switch (status) {
    case 'pending':
      return { action: 'open', label: 'Open voting' };
    case 'open':
      return { action: 'close', label: 'Close voting' };
    case 'closed':
      return { action: 'reopen', label: 'Reopen voting' };
  }
}

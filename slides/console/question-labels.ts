import type { Question, ResultsVisibility } from '../../protocol/deck.ts';
import type { QuestionState } from '../../protocol/session.ts';

export function typeLabel(question: Question): string {
  switch (question.type) {
    case 'choice':
      return question.multiple ? 'Poll · several answers' : 'Poll';
    case 'quiz':
      return `Quiz · ${question.time} s`;
    case 'scale':
      return `Scale ${question.min}–${question.max}`;
    case 'wordcloud':
      return 'Word cloud';
    case 'text':
      return 'Open text';
    case 'qa':
      return 'Audience Q&A';
  }
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

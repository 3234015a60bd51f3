import type { Results } from '../../../protocol/session.ts';

/**
 * What may be on the projector of a question's results: typed entries only once approved.
 * Displays get nothing else from the server; this matters for the pages that hold the
 * presenter's view — the projector the presenter's own browser drives, and the console's
 * previews — which also get what waits for approval (the profanity filter's catches) or
 * was hidden.
 */
export function onScreen(results: Results): Results {
  switch (results.type) {
    case 'wordcloud': {
      const words = results.words.filter((word) => word.status === 'approved');
      return { ...results, words, total: words.reduce((sum, word) => sum + word.count, 0) };
    }
    case 'text':
      return { ...results, answers: results.answers.filter((answer) => answer.status === 'approved') };
    case 'qa':
      return { ...results, questions: results.questions.filter((entry) => entry.status === 'approved') };
    default:
      return results;
  }
}

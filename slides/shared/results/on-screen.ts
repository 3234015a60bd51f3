import { forResults, type Results } from '../../../protocol/question-results.ts';

const asIs = <R>(results: R): R => results;

/**
 * What may be on the projector of a question's results: typed entries only once approved.
 * Displays get nothing else from the server; this matters for the pages that hold the
 * presenter's view — the projector the presenter's own browser drives, and the console's
 * previews — which also get what waits for approval (the profanity filter's catches) or
 * was hidden. One filter per results shape.
 */
export function onScreen(results: Results): Results {
  return forResults<Results>(
    {
      tally: asIs,
      'graded-tally': asIs,
      average: asIs,
      words(results) {
        const words = results.words.filter((word) => word.status === 'approved');
        return { ...results, words, total: words.reduce((sum, word) => sum + word.count, 0) };
      },
      answers: (results) => ({ ...results, answers: results.answers.filter((answer) => answer.status === 'approved') }),
      questions: (results) => ({ ...results, questions: results.questions.filter((entry) => entry.status === 'approved') }),
    },
    results,
  );
}

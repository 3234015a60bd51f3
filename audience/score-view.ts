import type { PlayerScore } from '../protocol/session.ts';
import { h } from './dom.ts';
import { strings } from './strings.ts';

export interface ScoreView {
  readonly element: HTMLElement;
  update(score: PlayerScore | null, questionId: string | null): void;
}

/**
 * A phone's own quiz score: how it did on the question just revealed, its total and rank,
 * and the podium once the quiz is over. Names are typed by phones: text nodes only.
 * On a quiz question (questionId) the total shows once its answer is out; between
 * questions (no questionId) whenever the phone has points on the board.
 */
export function scoreView(): ScoreView {
  const element = h('section', { class: 'choice card score', 'aria-label': strings.scoreHeading, hidden: true });
  return {
    element,
    update(score, questionId) {
      const question = score?.question?.questionId === questionId ? score?.question : null;
      const parts: Node[] = [];
      if (question) parts.push(h('p', { class: `outcome ${question.outcome}` }, strings.outcome(question)));
      if (score && (question || (questionId === null && score.rank !== null) || score.podium)) {
        parts.push(h('p', { class: 'total' }, strings.scoreTotal(score)));
      }
      if (score?.podium) {
        parts.push(h('h2', {}, strings.podiumHeading), h('ol', { class: 'tallies podium' }, ...score.podium.map((entry) => h('li', {}, strings.podiumEntry(entry)))));
      }
      element.replaceChildren(...parts);
      element.hidden = parts.length === 0;
    },
  };
}

import type { PublicQuestion } from '../../protocol/deck.ts';
import type { AnswerValue, OwnAnswer, QuestionState, Results } from '../../protocol/session.ts';
import type { PendingAnswer } from '../answer-queue.ts';
import { answerStatus, resultsHint } from '../answer-status.ts';
import { h, uniqueId } from '../dom.ts';
import { rendererFor } from '../question-types/index.ts';
import type { QuestionRenderer } from '../question-types/renderer.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';
import { ResultsView } from './results-view.ts';

/** Everything the question screen shows, gathered by the live view. */
export interface QuestionModel {
  state: QuestionState;
  results: Results | null;
  own: OwnAnswer | null;
  pending: PendingAnswer | null;
  sending: boolean;
  rejection: string | null;
}

/** The question on the presenter's current slide: answer controls, where the answer is, results. */
export class QuestionScreen implements Screen {
  readonly name = 'question';
  readonly element: HTMLElement;
  readonly focusTarget: HTMLElement;
  private readonly renderer: QuestionRenderer;
  private readonly status: HTMLElement;
  private readonly closedNote: HTMLElement;
  private readonly results = new ResultsView();

  constructor(
    readonly question: PublicQuestion,
    deckTitle: string,
    submit: (value: AnswerValue) => void,
  ) {
    const headingId = uniqueId('question-heading');
    this.focusTarget = h('h1', { id: headingId, tabindex: '-1' }, question.question);
    this.renderer = rendererFor(question, { headingId, submit });
    this.status = h('p', { class: 'answer-status', 'data-status': 'none' });
    this.closedNote = h('p', { class: 'closed-note', hidden: true }, strings.statusClosed);
    this.element = h(
      'section',
      { class: 'screen question-screen', 'aria-labelledby': headingId, 'data-question-id': question.id },
      h('p', { class: 'talk-title' }, deckTitle),
      this.focusTarget,
      this.closedNote,
      this.renderer.element,
      this.status,
      this.results.element,
    );
  }

  update(model: QuestionModel): void {
    const open = model.state.status === 'open';
    const answer = model.pending?.value ?? model.own?.value ?? null;
    this.renderer.update(answer, open);
    this.element.dataset.questionStatus = model.state.status;
    this.closedNote.hidden = model.state.status !== 'closed';
    const status = answerStatus(
      {
        open,
        pending: model.pending !== null,
        sending: model.sending,
        received: model.own !== null,
        rejection: model.rejection,
      },
      strings,
    );
    this.status.dataset.status = status.kind;
    this.status.textContent = status.text;
    this.results.update(model.results, model.own?.value ?? null, resultsHint(this.question, model.own !== null, open, strings));
  }
}

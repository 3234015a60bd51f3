import type { PublicQuestion } from '../../protocol/deck.ts';
import { answerStatus, entryWhereabouts, resultsHint } from '../answer-status.ts';
import { h, uniqueId } from '../dom.ts';
import { rendererFor } from '../question-types/index.ts';
import type { QuestionModel, QuestionRenderer, RendererContext } from '../question-types/renderer.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';
import { ResultsView } from './results-view.ts';


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
    actions: Omit<RendererContext, 'headingId'>,
  ) {
    const headingId = uniqueId('question-heading');
    this.focusTarget = h('h1', { id: headingId, tabindex: '-1' }, question.question);
    this.renderer = rendererFor(question, { headingId, ...actions });
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
      this.renderer.below,
      this.results.element,
    );
  }

  update(model: QuestionModel): void {
    const open = model.state.status === 'open';
    const answer = model.pending.at(-1)?.value ?? model.owns.at(-1)?.value ?? null;
    this.renderer.update({ ...model, open, answer });
    this.element.dataset.questionStatus = model.state.status;
    this.closedNote.hidden = model.state.status !== 'closed';
    const status = answerStatus(
      {
        open,
        pending: model.pending.length > 0,
        sending: model.sending,
        received: model.owns.length > 0,
        rejection: model.rejection,
        entry: entryWhereabouts(this.question, model.results, model.owns.at(-1), open, model.resultsFresh),
      },
      strings,
      this.question.type,
    );
    this.status.dataset.status = status.kind;
    this.status.textContent = status.text;
    const results = this.renderer.listsResults ? null : model.results;
    this.results.update(results, model.owns, resultsHint(this.question, model.owns.length > 0, open, strings));
  }
}

import type { Question } from '../../protocol/deck.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import { QUESTION_TYPE_FACTS } from '../../protocol/question-types.ts';
import type { PresenterView, QuestionState } from '../../protocol/session.ts';
import { renderResults } from '../shared/results/render-results.ts';
import { confirmAction } from './confirm-dialog.ts';
import { button, byId, textElement } from './dom.ts';
import { STATUS_LABEL, typeLabel, VISIBILITY_HINT, votingAction } from './question-labels.ts';
import type { TypeSection } from './type-section.ts';
import { typeSection, type SectionContext } from './type-sections.ts';

export type SendControl = (questionId: string, action: QuestionAction) => Promise<void>;

interface Parts {
  questionId: string;
  status: HTMLElement;
  projector: HTMLElement;
  responses: HTMLElement;
  voting: HTMLButtonElement;
  reveal: HTMLButtonElement;
  reset: HTMLButtonElement;
  results: HTMLElement;
  section: TypeSection | undefined;
}

/**
 * The current slide's question: its state, the response count, the controls
 * (open/close/reopen, reveal/hide, reset after a confirmation) and the live results.
 */
export class QuestionPanel {
  private parts: Parts | undefined;
  private shownFor: string | undefined;
  private latest: PresenterView | undefined;
  private busy = false;

  constructor(
    private readonly send: SendControl,
    private readonly context: SectionContext,
  ) {}

  update(view: PresenterView): void {
    this.latest = view;
    const question = view.deckQuestions.find((candidate) => candidate.slideIndex === view.slideIndex);
    const key = question?.id ?? `none:${view.slideIndex}`;
    if (key !== this.shownFor) {
      this.shownFor = key;
      this.parts?.section?.dispose();
      this.parts = question ? this.build(question) : undefined;
      if (!question) this.showNoQuestion(view);
    }
    if (question && this.parts) this.fill(view, question, this.parts);
  }

  private showNoQuestion(view: PresenterView): void {
    const body = byId('question-body');
    document.body.dataset.question = '';
    byId('question-heading').textContent = 'Question';
    const upcoming = view.deckQuestions.find((question) => question.slideIndex > view.slideIndex);
    const lines = [textElement('p', 'console-empty', 'No question on this slide.')];
    if (upcoming) {
      lines.push(
        textElement('p', 'console-upcoming', `Next question, on slide ${upcoming.slideIndex + 1}: “${upcoming.question}”`),
      );
    }
    body.replaceChildren(...lines);
  }

  private build(question: Question): Parts {
    const body = byId('question-body');
    document.body.dataset.question = question.id;
    byId('question-heading').textContent = `Question · ${typeLabel(question)}`;
    const head = textElement('p', 'console-question-text', question.question);

    const state = document.createElement('div');
    state.className = 'console-question-state';
    const status = textElement('span', 'console-pill', '');
    const projector = textElement('span', 'console-pill', '');
    const responses = textElement('p', 'console-responses', '');
    state.append(responses, status, projector);

    const controls = document.createElement('div');
    controls.className = 'console-controls';
    const voting = button('', 'console-button console-button--primary', () => void this.run(question.id, votingAction(this.statusOf(question.id)).action));
    const reveal = button('', 'console-button', () => void this.run(question.id, this.revealed(question.id) ? 'hide' : 'reveal'));
    const reset = button('Reset…', 'console-button console-button--danger', () => void this.confirmReset(question));
    voting.dataset.control = 'voting';
    reveal.dataset.control = 'reveal';
    reset.dataset.control = 'reset';
    controls.append(voting, reveal, reset);

    const parts: Node[] = [head, state, controls];
    if ('correct' in question) {
      const answers = question.correct.map((index) => question.options[index]).join(', ');
      parts.push(textElement('p', 'console-answer', `Correct answer: ${answers}`));
    }
    const section = typeSection(question, this.context);
    const results = document.createElement('div');
    results.className = 'console-results';
    if (section?.before) parts.push(section.before);
    if (!section?.replacesResults) parts.push(results);
    if (section?.after) parts.push(section.after);
    parts.push(textElement('p', 'console-hint', VISIBILITY_HINT[question.results]));
    body.replaceChildren(...parts);
    return { questionId: question.id, status, projector, responses, voting, reveal, reset, results, section };
  }

  private statusOf(questionId: string): QuestionState['status'] {
    return this.latest?.questions[questionId]?.status ?? 'pending';
  }

  private revealed(questionId: string): boolean {
    return this.latest?.questions[questionId]?.revealed ?? false;
  }

  private fill(view: PresenterView, question: Question, parts: Parts): void {
    const state = view.questions[question.id];
    const status = state?.status ?? 'pending';
    const responses = state?.responses ?? 0;
    parts.responses.replaceChildren(
      textElement('strong', 'console-responses-count', String(responses)),
      ` ${responses === 1 ? 'response' : 'responses'}`,
      textElement('span', 'console-responses-of', ` · ${view.participants} connected`),
    );
    parts.status.textContent = STATUS_LABEL[status];
    parts.status.dataset.status = status;
    parts.projector.textContent = state?.revealed ? 'Results on the projector' : 'Results hidden on the projector';
    parts.projector.dataset.revealed = String(state?.revealed ?? false);
    const voting = votingAction(status);
    parts.voting.textContent = voting.label;
    parts.voting.dataset.action = voting.action;
    // A quiz's points are for speed from its one opening: it is run again with Reset, never reopened.
    const quizOver = QUESTION_TYPE_FACTS[question.type].scored && status === 'closed';
    if (quizOver) parts.voting.textContent = 'Voting closed';
    parts.reveal.textContent = state?.revealed ? 'Hide results' : 'Reveal results';
    parts.reveal.dataset.action = state?.revealed ? 'hide' : 'reveal';
    for (const control of [parts.voting, parts.reveal, parts.reset]) control.disabled = this.busy;
    if (quizOver) parts.voting.disabled = true;

    parts.section?.update(view, question);
    if (parts.section?.replacesResults) return;
    const compared = question.compare ? view.deckQuestions.find((other) => other.id === question.compare) : undefined;
    renderResults(parts.results, {
      question,
      results: view.results[question.id] ?? null,
      ...(compared ? { compare: { question: compared, results: view.results[compared.id] ?? null } } : {}),
      animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    });
  }

  private async confirmReset(question: Question): Promise<void> {
    const responses = this.latest?.questions[question.id]?.responses ?? 0;
    const what = responses === 1 ? 'its 1 answer' : `its ${responses} answers`;
    const confirmed = await confirmAction(
      `Reset “${question.question}”?`,
      `This deletes ${what} and opens the question again from zero. It cannot be undone.`,
      'Reset answers',
    );
    if (confirmed) await this.run(question.id, 'reset');
  }

  private async run(questionId: string, action: QuestionAction): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.setDisabled(true);
    try {
      await this.send(questionId, action);
    } finally {
      this.busy = false;
      this.setDisabled(false);
      // The buttons' states follow the question's (a closed quiz's voting button stays off).
      if (this.latest) this.update(this.latest);
    }
  }

  private setDisabled(disabled: boolean): void {
    if (!this.parts) return;
    for (const control of [this.parts.voting, this.parts.reveal, this.parts.reset]) control.disabled = disabled;
  }
}

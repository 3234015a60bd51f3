import type { PublicDeck, PublicQuestion } from '../../protocol/deck.ts';
import type { DisplayView, QuestionState, QuizBoard, Results } from '../../protocol/session.ts';
import { lastScoredQuestion } from '../shared/last-scored.ts';
import { onScreen } from '../shared/results/on-screen.ts';
import { renderResults } from '../shared/results/render-results.ts';
import type { LiveData } from '../shared/preview-messages.ts';
import { ServerClock } from '../shared/server-clock.ts';
import { fitResults } from './fit-results.ts';
import { shortJoinAddress, type JoinInfo } from './join-info.ts';
import { ProjectorQuiz } from './projector-quiz.ts';

interface QuestionSlot {
  question: PublicQuestion;
  root: HTMLElement;
  results: HTMLElement;
  count: HTMLElement;
  status: HTMLElement;
  quiz?: ProjectorQuiz;
}

const STATUS_TEXT: Record<QuestionState['status'], string> = {
  pending: '',
  open: 'Voting open',
  closed: 'Voting closed',
};

function part(tag: 'div' | 'p' | 'span' | 'strong', className: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/**
 * The live part of the question slides: how to join, the response count and the voting
 * status always; the results only once the presenter reveals them. A `compare:` question
 * draws the earlier question's results beside its own (the display view carries them).
 */
export class LiveQuestions {
  private readonly slots = new Map<string, QuestionSlot>();
  private readonly states = new Map<string, QuestionState>();
  private readonly results = new Map<string, Results>();
  private board: QuizBoard | null = null;
  /** Quiz countdowns run on the server's clock. */
  readonly clock = new ServerClock();

  private readonly lastQuiz: string | undefined;

  constructor(
    slidesRoot: HTMLElement,
    private readonly deck: PublicDeck,
    join: JoinInfo | undefined,
    private readonly animate: boolean,
    /** Called after a slide's content changed size: reveal.js centres slides by their height. */
    private readonly relayout: () => void = () => undefined,
  ) {
    const questions = new Map(deck.questions.map((question) => [question.id, question]));
    this.lastQuiz = lastScoredQuestion(deck.questions)?.id;
    for (const root of slidesRoot.querySelectorAll<HTMLElement>('.handsup-question[data-question-id]')) {
      const question = questions.get(root.dataset.questionId ?? '');
      if (question) this.slots.set(question.id, this.augment(root, question, join));
    }
  }

  private augment(root: HTMLElement, question: PublicQuestion, join: JoinInfo | undefined): QuestionSlot {
    // The slide's heading usually is the question: say it once.
    const heading = root.closest('section')?.querySelector('h1, h2');
    const text = root.querySelector('.handsup-question-text');
    if (heading && text && heading.textContent?.trim() === text.textContent?.trim()) root.classList.add('handsup-question--titled');

    const results = part('div', 'handsup-live-results');
    results.hidden = true;
    const meta = part('div', 'handsup-live-meta');
    if (join) {
      const how = part('p', 'handsup-live-join', 'Join at ');
      how.append(part('strong', '', shortJoinAddress(join)), ' · code ', part('strong', 'handsup-live-code', join.code));
      meta.append(how);
    }
    const count = part('p', 'handsup-live-count');
    const status = part('span', 'handsup-live-status');
    meta.append(count, status);
    root.querySelector('.handsup-question-text')?.after(results);
    root.append(meta);
    const quiz = question.type === 'quiz' ? new ProjectorQuiz(root, results, question, this.clock, question.id === this.lastQuiz) : undefined;
    return { question, root, results, count, status, ...(quiz ? { quiz } : {}) };
  }

  /** A whole view: from the server, or (in a console preview) forwarded by the console. */
  applyView(view: LiveData): void {
    this.states.clear();
    this.results.clear();
    if (view.serverTime !== undefined) this.clock.sync(view.serverTime);
    if (view.quiz !== undefined) this.board = view.quiz;
    for (const [id, state] of Object.entries(view.questions)) this.states.set(id, state);
    for (const [id, results] of Object.entries(view.results)) this.results.set(id, onScreen(results));
    for (const id of this.slots.keys()) this.draw(id);
  }

  applyResults(results: Results, state: QuestionState): void {
    this.results.set(results.questionId, onScreen(results));
    this.applyState(state);
  }

  applyState(state: QuestionState): void {
    this.states.set(state.questionId, state);
    this.draw(state.questionId);
    // The question that compares itself with this one shows these results too.
    for (const question of this.deck.questions) if (question.compare === state.questionId) this.draw(question.id);
  }

  /** A slide coming on screen grows its bars again, so the room sees them arrive. */
  slideShown(slide: HTMLElement): void {
    for (const slot of this.slots.values()) {
      if (!slide.contains(slot.root) || slot.results.hidden) continue;
      slot.results.replaceChildren();
      delete slot.results.dataset.layout;
      this.draw(slot.question.id);
    }
  }

  private draw(questionId: string): void {
    const slot = this.slots.get(questionId);
    if (!slot) return;
    const state = this.states.get(questionId);
    const status = state?.status ?? 'pending';
    const revealed = state?.revealed === true;
    slot.root.dataset.status = status;
    slot.root.classList.toggle('is-revealed', revealed);
    slot.count.textContent = state ? `${state.responses} ${state.responses === 1 ? 'response' : 'responses'}` : '';
    slot.status.textContent = STATUS_TEXT[status];
    slot.quiz?.update(state, this.board);

    if (!revealed) {
      if (!slot.results.hidden) {
        slot.results.hidden = true;
        slot.results.replaceChildren();
        delete slot.results.dataset.layout;
        this.fit(slot);
      }
      return;
    }
    slot.results.hidden = false;
    const compared = slot.question.compare
      ? this.deck.questions.find((question) => question.id === slot.question.compare)
      : undefined;
    renderResults(slot.results, {
      question: slot.question,
      results: this.results.get(questionId) ?? null,
      ...(compared ? { compare: { question: compared, results: this.results.get(compared.id) ?? null } } : {}),
      animate: this.animate,
    });
    this.fit(slot);
  }

  /** Fits every question slide again (web fonts arriving change the heights). */
  refit(): void {
    for (const slot of this.slots.values()) this.fit(slot);
  }

  private fit(slot: QuestionSlot): void {
    const section = slot.root.closest('section');
    if (!section) return;
    // A quiz's standings sit beside its results: the two are set smaller together.
    fitResults(section, slot.quiz?.row ?? slot.results);
    this.relayout();
  }
}

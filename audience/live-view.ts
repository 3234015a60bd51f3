import type { ErrorCode } from '../protocol/errors.ts';
import type { AnswerValue, AudienceView, OwnAnswer, QuestionState, Results } from '../protocol/session.ts';
import type { AnswerQueue } from './answer-queue.ts';
import { announcementsFor, type LiveSnapshot } from './announcements.ts';
import type { Announcer } from './announcer.ts';
import type { ScreenHost } from './screen-host.ts';
import { QuestionScreen } from './screens/question-screen.ts';
import { WaitingScreen } from './screens/waiting-screen.ts';
import { strings } from './strings.ts';

/**
 * Follows the presenter: the waiting screen between questions, the question screen
 * while one is on the slide. Merges the server's view with what the phone knows
 * locally (answers waiting to be sent, a refusal) and announces what changed.
 */
export class LiveView {
  private view: AudienceView | null = null;
  private rejection: { questionId: string; message: string } | null = null;
  private readonly waiting = new WaitingScreen();
  private questionScreen: QuestionScreen | null = null;
  private shown: LiveSnapshot | null = null;
  private active = true;

  constructor(
    private readonly host: ScreenHost,
    private readonly queue: AnswerQueue,
    private readonly announcer: Announcer,
  ) {}

  get hasView(): boolean {
    return this.view !== null;
  }

  /** The whole state, from the server: on connect and whenever the talk moves. */
  showView(view: AudienceView): void {
    this.view = view;
    this.render();
  }

  /** Newer results (the server only sends what this phone may see). */
  showResults(results: Results, state: QuestionState): void {
    if (!this.view || this.view.question?.id !== results.questionId) return;
    this.view = { ...this.view, results, questionState: state };
    this.render();
  }

  acknowledged(own: OwnAnswer): void {
    if (this.rejection?.questionId === own.questionId) this.rejection = null;
    if (this.view && this.view.question?.id === own.questionId) this.view = { ...this.view, ownAnswer: own };
    this.render();
  }

  rejected(questionId: string, code: ErrorCode, message: string): void {
    const text = code === 'closed' ? strings.answerClosedBeforeSent : strings.answerRejected(message);
    this.rejection = { questionId, message: text };
    this.render();
  }

  /** Off while another screen (the nickname question) is in front; on again shows the latest. */
  setActive(active: boolean): void {
    this.active = active;
    if (active) this.render();
  }

  render(): void {
    if (!this.active || !this.view) return;
    const { view } = this;
    const question = view.question;
    if (!question || !view.questionState) {
      this.waiting.update(view.session.deckTitle, view.slideTitle);
      this.host.show(this.waiting);
    } else {
      if (this.questionScreen?.question.id !== question.id) {
        this.questionScreen = new QuestionScreen(question, view.session.deckTitle, (value) => this.submit(question.id, value));
      }
      this.questionScreen.update({
        state: view.questionState,
        results: view.results,
        own: view.ownAnswer,
        pending: this.queue.pendingFor(question.id) ?? null,
        sending: this.queue.isSending(question.id),
        rejection: this.rejection?.questionId === question.id ? this.rejection.message : null,
      });
      this.host.show(this.questionScreen);
    }
    this.announce();
  }

  private submit(questionId: string, value: AnswerValue): void {
    if (this.rejection?.questionId === questionId) this.rejection = null;
    this.queue.submit(questionId, value);
  }

  private announce(): void {
    const view = this.view!;
    const snapshot: LiveSnapshot = {
      questionId: view.question && view.questionState ? view.question.id : null,
      questionText: view.question?.question ?? '',
      open: view.questionState?.status === 'open',
      receivedAnswerId: view.ownAnswer?.answerId ?? null,
      resultsShown: view.results !== null,
      slideTitle: view.slideTitle,
    };
    this.announcer.say(...announcementsFor(this.shown, snapshot, strings));
    this.shown = snapshot;
  }
}

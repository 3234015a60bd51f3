import { QUESTION_TYPE_FACTS } from '../protocol/question-types.ts';
import type { AnswerValue, AudienceView, OwnAnswer, QuestionState, Results } from '../protocol/session.ts';
import type { AnswerQueue } from './answer-queue.ts';
import { announcementsFor, type LiveSnapshot } from './announcements.ts';
import type { Announcer } from './announcer.ts';
import type { Screen, ScreenHost } from './screen-host.ts';
import type { NicknameCard } from './screens/nickname-card.ts';
import { QuestionScreen } from './screens/question-screen.ts';
import { WaitingScreen } from './screens/waiting-screen.ts';
import { strings, type Refusal } from './strings.ts';

/** Sends a Q&A upvote: null when counted, else why not (for people). */
export type Upvote = (questionId: string, entryId: string) => Promise<string | null>;

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
  /** Results or a view arrived since the latest acknowledgement. */
  private resultsFresh = false;
  /** The server's clock minus the phone's, from the latest view (countdowns run on the server's time). */
  private clockOffset = 0;
  private readonly serverNow = () => Date.now() + this.clockOffset;

  constructor(
    private readonly host: ScreenHost,
    private readonly queue: AnswerQueue,
    private readonly announcer: Announcer,
    /** The quiz's nickname question while undecided; null once decided (or decided before). */
    private readonly nickname: NicknameCard | null,
    private readonly upvote: Upvote,
  ) {}

  /** The whole state, from the server: on connect and whenever the talk moves. */
  showView(view: AudienceView): void {
    this.view = view;
    this.resultsFresh = true;
    this.clockOffset = view.serverTime - Date.now();
    this.render();
  }

  /** Newer results (the server only sends what this phone may see). */
  showResults(results: Results, state: QuestionState): void {
    if (!this.view || this.view.question?.id !== results.questionId) return;
    this.view = { ...this.view, results, questionState: state };
    this.resultsFresh = true;
    this.render();
  }

  acknowledged(own: OwnAnswer): void {
    this.resultsFresh = false;
    if (this.rejection?.questionId === own.questionId) this.rejection = null;
    const view = this.view;
    if (view && view.question?.id === own.questionId) {
      // Word clouds and Q&A collect answers; the other types keep the latest.
      const several = QUESTION_TYPE_FACTS[view.question.type].answerMode === 'collect';
      const ownAnswers = several ? [...view.ownAnswers.filter((answer) => answer.answerId !== own.answerId), own] : [own];
      this.view = { ...view, ownAnswer: own, ownAnswers };
    }
    this.render();
  }

  rejected(questionId: string, refusal: Refusal): void {
    // A quiz refuses a second answer (sent from another tab): the state asked for again shows the one that counts, locked in.
    const question = this.view?.question;
    if (refusal.code === 'conflict' && question && QUESTION_TYPE_FACTS[question.type].answerMode === 'final') return;
    this.rejection = { questionId, message: refusal.code === 'closed' ? strings.answerClosedBeforeSent : strings.answerRejected(strings.refusal(refusal)) };
    this.render();
  }

  render(): void {
    if (!this.view) return;
    const { view } = this;
    const question = view.question;
    if (!question || !view.questionState) {
      this.waiting.update(view.session.deckTitle, view.slideTitle, view.score);
      this.placeNickname(this.waiting);
      this.host.show(this.waiting);
    } else {
      if (this.questionScreen?.question.id !== question.id) {
        this.questionScreen = new QuestionScreen(question, view.session.deckTitle, {
          submit: (value, several) => this.submit(question.id, value, several),
          upvote: (entryId) => this.upvote(question.id, entryId),
          say: (message) => this.announcer.say(message),
        });
      }
      this.questionScreen.update({
        state: view.questionState,
        results: view.results,
        owns: view.ownAnswers,
        pending: this.queue.pendingAll(question.id),
        sending: this.queue.isSending(question.id),
        resultsFresh: this.resultsFresh,
        rejection: this.rejection?.questionId === question.id ? this.rejection.message : null,
        ownVotes: view.ownVotes,
        score: view.score,
        serverNow: this.serverNow,
      });
      this.placeNickname(QUESTION_TYPE_FACTS[question.type].scored ? this.questionScreen : null);
      this.host.show(this.questionScreen);
    }
    this.announce();
  }

  /**
   * In a talk with a quiz (the view has a score) the nickname card sits at the foot of the
   * waiting screen and of a quiz question, below its answer buttons; never on a poll.
   */
  private placeNickname(screen: Screen | null): void {
    const card = this.nickname;
    if (!card) return;
    const place = card.wanted && this.view?.score ? screen : null;
    if (!place) card.element.remove();
    else if (card.element.parentElement !== place.element) place.element.append(card.element);
  }

  private submit(questionId: string, value: AnswerValue, several?: boolean): void {
    if (this.rejection?.questionId === questionId) this.rejection = null;
    this.queue.submit(questionId, value, several);
  }

  private announce(): void {
    const view = this.view!;
    const scored = view.score?.question;
    const snapshot: LiveSnapshot = {
      questionId: view.question && view.questionState ? view.question.id : null,
      questionText: view.question?.question ?? '',
      open: view.questionState?.status === 'open',
      final: view.question ? QUESTION_TYPE_FACTS[view.question.type].answerMode === 'final' : false,
      receivedAnswerId: view.ownAnswer?.answerId ?? null,
      resultsShown: view.results !== null,
      score: scored && view.score ? `${strings.outcome(scored)}. ${strings.scoreTotal(view.score)}.` : null,
      slideTitle: view.slideTitle,
    };
    this.announcer.say(...announcementsFor(this.shown, snapshot, strings));
    this.shown = snapshot;
  }
}

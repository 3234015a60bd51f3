import { toPublicQuestion, type Deck, type Question, type Slide } from '../../protocol/deck.ts';
import { failure } from '../../protocol/errors.ts';
import type { AnswerSubmit, QuestionAction } from '../../protocol/events.ts';
import type {
  AudienceView,
  DisplayView,
  OwnAnswer,
  PresenterView,
  QuestionState,
  Results,
  SessionInfo,
  SlideCursor,
} from '../../protocol/session.ts';
import type { EngineEffect, EngineOutcome, StoredAnswer } from './effects.ts';
import { moduleFor } from './question-types/index.ts';
import { audienceMaySee, initiallyRevealed, revealedOnClose } from './visibility.ts';

/** What a store hands back after a restart, to rebuild the engine exactly as it was. */
export interface RestoredSession {
  cursor: SlideCursor;
  questionStates: QuestionState[];
  /** Every counted answer, oldest first: the latest per participant and question wins. */
  answers: StoredAnswer[];
  /** Ids of answers discarded by a reset: a late re-send of one must not count again. */
  discardedAnswerIds: string[];
}

const START_CURSOR: SlideCursor = { h: 0, v: 0, f: -1 };

/**
 * The rules of one live session, with no I/O: where the talk is, which questions are
 * open, who answered what. Each command returns what changed as effects for the wiring.
 */
export class SessionEngine {
  readonly session: SessionInfo;
  private readonly deck: Deck;
  private readonly slidesByPosition = new Map<string, Slide>();
  private readonly questionsById = new Map<string, Question>();
  private readonly states = new Map<string, QuestionState>();
  /** questionId → participantId → that participant's latest answer. */
  private readonly answers = new Map<string, Map<string, StoredAnswer>>();
  /** answerId → participantId, for every answer id ever accepted (also discarded ones). */
  private readonly seenAnswerIds = new Map<string, string>();
  private cursor: SlideCursor;

  constructor(deck: Deck, session: SessionInfo, restored?: RestoredSession) {
    this.deck = deck;
    this.session = session;
    for (const slide of deck.slides) this.slidesByPosition.set(positionKey(slide.position.h, slide.position.v), slide);
    for (const question of deck.questions) {
      this.questionsById.set(question.id, question);
      this.answers.set(question.id, new Map());
      this.states.set(question.id, freshState(question));
    }
    this.cursor = START_CURSOR;
    if (restored) this.restore(restored);
  }

  private restore(restored: RestoredSession): void {
    if (this.slideAt(restored.cursor)) this.cursor = { ...restored.cursor };
    for (const saved of restored.questionStates) {
      if (this.states.has(saved.questionId)) this.states.set(saved.questionId, { ...saved, responses: 0 });
    }
    for (const answerId of restored.discardedAnswerIds) this.seenAnswerIds.set(answerId, '');
    for (const answer of restored.answers) {
      const byParticipant = this.answers.get(answer.questionId);
      if (!byParticipant) continue;
      byParticipant.set(answer.participantId, answer);
      this.seenAnswerIds.set(answer.answerId, answer.participantId);
    }
    for (const [questionId, state] of this.states) state.responses = this.answers.get(questionId)!.size;
  }

  // --- reading -------------------------------------------------------------

  currentCursor(): SlideCursor {
    return { ...this.cursor };
  }

  currentSlide(): Slide {
    return this.slideAt(this.cursor) ?? this.deck.slides[0]!;
  }

  currentQuestion(): Question | undefined {
    const questionId = this.currentSlide().questionIds[0];
    return questionId === undefined ? undefined : this.questionsById.get(questionId);
  }

  question(questionId: string): Question | undefined {
    return this.questionsById.get(questionId);
  }

  questionState(questionId: string): QuestionState | undefined {
    const state = this.states.get(questionId);
    return state && { ...state };
  }

  hasAnswered(questionId: string, participantId: string): boolean {
    return this.answers.get(questionId)?.has(participantId) ?? false;
  }

  /** Ids of the questions this participant has a counted answer to. */
  answeredBy(participantId: string): string[] {
    return [...this.answers].filter(([, byParticipant]) => byParticipant.has(participantId)).map(([id]) => id);
  }

  ownAnswer(questionId: string, participantId: string): OwnAnswer | null {
    const answer = this.answers.get(questionId)?.get(participantId);
    if (!answer) return null;
    return { questionId, answerId: answer.answerId, value: answer.value, answeredAt: answer.answeredAt };
  }

  /** The results from every participant's latest answer (quiz answers only once revealed). */
  results(questionId: string): Results | undefined {
    const question = this.questionsById.get(questionId);
    const module = question && moduleFor(question);
    if (!question || !module) return undefined;
    const answers = [...this.answers.get(questionId)!.values()].map((answer) => answer.value);
    return module.tally(question, answers, this.states.get(questionId)!.revealed);
  }

  /**
   * Displays see a question's results once it is revealed, and also while a revealed
   * question compares itself with it: the projector draws both runs side by side.
   */
  displaySees(questionId: string): boolean {
    if (this.states.get(questionId)?.revealed) return true;
    return this.deck.questions.some((other) => other.compare === questionId && this.states.get(other.id)?.revealed === true);
  }

  presenterView(participants: number): PresenterView {
    return {
      role: 'presenter',
      session: this.session,
      cursor: this.currentCursor(),
      slideIndex: this.currentSlide().index,
      questions: this.allStates(),
      results: this.collectResults(() => true),
      participants,
      notes: this.deck.slides.map((slide) => slide.notes),
      deckQuestions: this.deck.questions,
    };
  }

  displayView(participants: number): DisplayView {
    return {
      role: 'display',
      session: this.session,
      cursor: this.currentCursor(),
      slideIndex: this.currentSlide().index,
      questions: this.allStates(),
      results: this.collectResults((state) => this.displaySees(state.questionId)),
      participants,
    };
  }

  /**
   * Views for every phone: the shared part (slide, question, results) is computed once,
   * so sending the state to thousands of phones costs one tally, not one per phone.
   */
  audienceViews(): (participantId: string) => AudienceView {
    const slide = this.currentSlide();
    const question = this.currentQuestion();
    const state = question ? this.states.get(question.id)! : undefined;
    // A question is only put in front of phones once its slide has opened it.
    const shown = question && state && state.status !== 'pending' ? question : undefined;
    const publicQuestion = shown ? toPublicQuestion(shown) : null;
    const questionState = shown && state ? { ...state } : null;
    let results: Results | null | undefined;
    return (participantId) => {
      const answered = shown ? this.hasAnswered(shown.id, participantId) : false;
      const maySee = shown !== undefined && state !== undefined && audienceMaySee(shown, state, answered);
      if (maySee && results === undefined) results = this.results(shown.id) ?? null;
      return {
        role: 'audience',
        session: this.session,
        slideIndex: slide.index,
        slideTitle: slide.title,
        question: publicQuestion,
        questionState,
        results: maySee ? (results ?? null) : null,
        ownAnswer: shown ? this.ownAnswer(shown.id, participantId) : null,
        participantId,
      };
    };
  }

  audienceView(participantId: string): AudienceView {
    return this.audienceViews()(participantId);
  }

  // --- commands ------------------------------------------------------------

  /** Presenter moves the talk. Reaching a question's slide opens it unless it was closed. */
  goTo(target: SlideCursor, now: number): EngineOutcome<{ cursor: SlideCursor }> {
    const slide = this.slideAt(target);
    if (!slide) return failure('not_found', `there is no slide at h=${target.h}, v=${target.v}`);
    const cursor = { h: target.h, v: target.v, f: Math.max(-1, Math.min(target.f, slide.fragments - 1)) };
    if (cursor.h === this.cursor.h && cursor.v === this.cursor.v && cursor.f === this.cursor.f) {
      return { ok: true, cursor, effects: [] };
    }
    this.cursor = cursor;
    const effects: EngineEffect[] = [{ kind: 'save-cursor', cursor }];
    const question = this.currentQuestion();
    const state = question && this.states.get(question.id)!;
    if (state && state.status === 'pending') {
      Object.assign(state, { status: 'open', openedAt: now, closedAt: null });
      effects.push({ kind: 'save-question-state', state: { ...state } });
    }
    effects.push({ kind: 'views-changed' });
    return { ok: true, cursor, effects };
  }

  /** Presenter controls a question. Repeating a command that already holds changes nothing. */
  control(questionId: string, action: QuestionAction, now: number): EngineOutcome<{ question: QuestionState }> {
    const question = this.questionsById.get(questionId);
    const state = this.states.get(questionId);
    if (!question || !state) return failure('not_found', `no question with id "${questionId}" in this deck`);
    const before = { ...state };
    const effects: EngineEffect[] = [];

    switch (action) {
      case 'open':
      case 'reopen':
        if (state.status !== 'open') Object.assign(state, { status: 'open', openedAt: now, closedAt: null });
        break;
      case 'close':
        if (state.status !== 'closed') {
          Object.assign(state, { status: 'closed', closedAt: now });
          if (revealedOnClose(question)) state.revealed = true;
        }
        break;
      case 'reveal':
        state.revealed = true;
        break;
      case 'hide':
        state.revealed = false;
        break;
      case 'reset': {
        const byParticipant = this.answers.get(questionId)!;
        if (byParticipant.size > 0) effects.push({ kind: 'discard-answers', questionId });
        // Their ids stay known so a late re-send of a discarded answer does not count.
        for (const answer of byParticipant.values()) this.seenAnswerIds.set(answer.answerId, '');
        byParticipant.clear();
        const onCurrentSlide = this.currentQuestion()?.id === questionId;
        Object.assign(state, freshState(question), onCurrentSlide ? { status: 'open', openedAt: now } : {});
        effects.push({ kind: 'results-changed', questionId });
        break;
      }
    }

    if (!sameState(before, state) || effects.length > 0) {
      effects.unshift({ kind: 'save-question-state', state: { ...state } });
      effects.push({ kind: 'views-changed' });
    }
    return { ok: true, question: { ...state }, effects };
  }

  /** A phone answers, or changes its answer. A re-sent answer id counts once. */
  submitAnswer(
    participantId: string,
    submit: AnswerSubmit,
    now: number,
  ): EngineOutcome<{ answer: OwnAnswer; duplicate: boolean }> {
    const question = this.questionsById.get(submit.questionId);
    if (!question) return failure('not_found', `no question with id "${submit.questionId}" in this deck`);

    const owner = this.seenAnswerIds.get(submit.answerId);
    if (owner !== undefined) {
      if (owner !== participantId && owner !== '') {
        return failure('conflict', 'this answer id belongs to another participant — make a new id for each answer');
      }
      const current = this.ownAnswer(question.id, participantId);
      if (current) return { ok: true, answer: current, duplicate: true, effects: [] };
      // The answer was discarded by a reset: acknowledge it without counting it again.
      return { ok: true, answer: { ...submit, answeredAt: now }, duplicate: true, effects: [] };
    }

    const state = this.states.get(question.id)!;
    if (state.status !== 'open') {
      return failure('closed', state.status === 'closed' ? 'this question is closed' : 'this question is not open yet');
    }
    const module = moduleFor(question);
    if (!module) return failure('bad_request', `"${question.type}" questions are not run by this server yet`);
    const checked = module.checkAnswer(question, submit.value);
    if (!checked.ok) return failure('bad_request', checked.message);

    const stored: StoredAnswer = {
      questionId: question.id,
      participantId,
      answerId: submit.answerId,
      value: checked.value,
      answeredAt: now,
    };
    this.answers.get(question.id)!.set(participantId, stored);
    this.seenAnswerIds.set(submit.answerId, participantId);
    state.responses = this.answers.get(question.id)!.size;
    return {
      ok: true,
      answer: { questionId: question.id, answerId: stored.answerId, value: stored.value, answeredAt: now },
      duplicate: false,
      effects: [
        { kind: 'save-answer', answer: stored },
        { kind: 'results-changed', questionId: question.id },
      ],
    };
  }

  // --- helpers -------------------------------------------------------------

  private slideAt(cursor: { h: number; v: number }): Slide | undefined {
    return this.slidesByPosition.get(positionKey(cursor.h, cursor.v));
  }

  private allStates(): Record<string, QuestionState> {
    return Object.fromEntries([...this.states].map(([id, state]) => [id, { ...state }]));
  }

  private collectResults(include: (state: QuestionState) => boolean): Record<string, Results> {
    const collected: Record<string, Results> = {};
    for (const [questionId, state] of this.states) {
      if (!include(state)) continue;
      const results = this.results(questionId);
      if (results) collected[questionId] = results;
    }
    return collected;
  }
}

function positionKey(h: number, v: number): string {
  return `${h}/${v}`;
}

function freshState(question: Question): QuestionState {
  return {
    questionId: question.id,
    status: 'pending',
    revealed: initiallyRevealed(question),
    responses: 0,
    openedAt: null,
    closedAt: null,
  };
}

function sameState(a: QuestionState, b: QuestionState): boolean {
  return a.status === b.status && a.revealed === b.revealed && a.responses === b.responses && a.openedAt === b.openedAt;
}

import { toPublicQuestion, type Deck, type Question, type QuizQuestion, type Slide } from '../../protocol/deck.ts';
import { failure } from '../../protocol/errors.ts';
import type { AnswerSubmit, EntryMark, QuestionAction } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type {
  AudienceView,
  DisplayView,
  EntryStatus,
  OwnAnswer,
  PresenterView,
  QuestionState,
  QuizBoard,
  Reaction,
  Results,
  SessionInfo,
  SlideCursor,
  SlideReactions,
} from '../../protocol/session.ts';
import { AnswerBook } from './answer-book.ts';
import { answerRecord, markRecord, storedAnswer, voteRecord, type RestoredQuestionState, type RestoredSession, type SessionRecord, type StoredAnswer, type StoredEntryMark, type StoredVote } from '../store/records.ts';
import type { EngineEffect, EngineOutcome, Proposal } from './effects.ts';
import { Standings, type RankedPlayer } from './leaderboard.ts';
import { ModerationBook } from './moderation.ts';
import { NicknameBook } from './nicknames.ts';
import { createProfanityCheck, type ProfanityCheck } from './profanity.ts';
import { VoteBook } from './qa-votes.ts';
import { moduleFor } from './question-types/index.ts';
import type { TallyContext } from './question-types/question-type.ts';
import { addedTime, everyoneAnswered, quizWindow, tooEarly } from './question-types/quiz-timing.ts';
import { scoreQuizzes, type QuestionScore, type SettledQuiz } from './quiz-scoring.ts';
import { ReactionTally } from './reactions.ts';
import { audienceMaySee, initiallyRevealed, revealedOnClose } from './visibility.ts';

const START_CURSOR: SlideCursor = { h: 0, v: 0, f: -1 };
const MODERATED_TYPES = new Set<Question['type']>(['text', 'qa', 'wordcloud']);

/**
 * The rules of one live session, with no I/O: where the talk is, which questions are
 * open, who answered what, quiz scores, nicknames, moderation, Q&A votes and reactions.
 * Each command returns what changed as effects for the wiring.
 */
export class SessionEngine {
  readonly session: SessionInfo;
  private readonly deck: Deck;
  private readonly slidesByPosition = new Map<string, Slide>();
  private readonly questionsById = new Map<string, Question>();
  private readonly quizzes: QuizQuestion[];
  private readonly states = new Map<string, QuestionState>();
  private readonly answers: AnswerBook;
  private readonly moderation = new ModerationBook();
  private readonly votes = new VoteBook();
  private readonly nicknames = new NicknameBook();
  private readonly reactions = new ReactionTally();
  private readonly isProfane: ProfanityCheck;
  /** Worked out when first needed after a change to quiz states, answers or nicknames. */
  private standingsCache: Standings | undefined;
  private cursor: SlideCursor;

  constructor(deck: Deck, session: SessionInfo, restored?: RestoredSession) {
    this.deck = deck;
    this.session = session;
    this.isProfane = createProfanityCheck(deck.moderation);
    for (const slide of deck.slides) this.slidesByPosition.set(positionKey(slide.position.h, slide.position.v), slide);
    for (const question of deck.questions) {
      this.questionsById.set(question.id, question);
      this.states.set(question.id, freshState(question));
    }
    this.quizzes = deck.questions.filter((question): question is QuizQuestion => question.type === 'quiz');
    this.answers = new AnswerBook(this.questionsById.keys());
    this.cursor = START_CURSOR;
    if (restored) this.restore(restored);
  }

  private restore(restored: RestoredSession): void {
    if (this.slideAt(restored.cursor)) this.cursor = { ...restored.cursor };
    for (const saved of restored.questionStates) {
      const question = this.questionsById.get(saved.questionId);
      if (question) this.states.set(saved.questionId, withDeadline(question, { ...saved, responses: 0 }));
    }
    for (const answerId of restored.discardedAnswerIds) this.answers.forgetOwner(answerId);
    for (const answer of restored.answers) {
      const question = this.questionsById.get(answer.questionId);
      if (question) this.count(question, answer);
    }
    for (const mark of restored.entryMarks ?? []) this.moderation.restore(mark);
    for (const vote of restored.votes ?? []) this.votes.add(vote);
    for (const { participantId, nickname } of restored.nicknames ?? []) this.nicknames.take(participantId, nickname);
    for (const { slideIndex, counts } of restored.reactions ?? []) {
      for (const [emoji, count] of Object.entries(counts)) this.reactions.add(slideIndex, emoji as Reaction, count);
    }
    for (const [questionId, state] of this.states) state.responses = this.answers.respondents(questionId);
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
    return this.answers.of(questionId, participantId).length > 0;
  }

  /** Ids of the questions this participant has a counted answer to. */
  answeredBy(participantId: string): string[] {
    return this.answers.answeredBy(participantId);
  }

  /** Its latest counted answer to the question. */
  ownAnswer(questionId: string, participantId: string): OwnAnswer | null {
    const answer = this.answers.of(questionId, participantId).at(-1);
    return answer ? toOwnAnswer(answer) : null;
  }

  nickname(participantId: string): string | null {
    return this.nicknames.nameOf(participantId);
  }

  /** The presenter's results: every entry, held and hidden ones included. */
  results(questionId: string): Results | undefined {
    return this.tally(questionId, true);
  }

  /** True when phones and displays see the same results as the presenter (no moderated entries). */
  resultsArePublic(questionId: string): boolean {
    const question = this.questionsById.get(questionId);
    return question !== undefined && moduleFor(question).entryOf === undefined;
  }

  /** What phones and displays may be sent (when visibility allows): approved entries only. */
  publicResults(questionId: string): Results | undefined {
    return this.tally(questionId, false);
  }

  /** When the wiring's quiz timer must fire next: an open quiz question's answers open (after `now`) or its time runs out. */
  nextDeadline(now: number): number | undefined {
    let next: number | undefined;
    for (const state of this.states.values()) {
      if (state.status !== 'open' || state.closesAt === undefined) continue;
      const due = state.answersOpenAt !== undefined && state.answersOpenAt > now ? state.answersOpenAt : state.closesAt;
      if (next === undefined || due < next) next = due;
    }
    return next;
  }

  quizBoard(): QuizBoard | null {
    if (this.quizzes.length === 0) return null;
    return this.standings().board(this.quizzes.length, this.settledQuizzes().length);
  }

  reactionCounts(): SlideReactions[] {
    return this.reactions.all();
  }

  /**
   * Displays see a question's results once it is revealed, and also while a revealed
   * question compares itself with it: the projector draws both runs side by side.
   */
  displaySees(questionId: string): boolean {
    if (this.states.get(questionId)?.revealed) return true;
    return this.deck.questions.some((other) => other.compare === questionId && this.states.get(other.id)?.revealed === true);
  }

  presenterView(participants: number, now = Date.now()): PresenterView {
    return {
      role: 'presenter',
      session: this.session,
      cursor: this.currentCursor(),
      slideIndex: this.currentSlide().index,
      questions: this.allStates(),
      results: this.collectResults(() => true, true),
      participants,
      notes: this.deck.slides.map((slide) => slide.notes),
      deckQuestions: this.deck.questions,
      quiz: this.quizBoard(),
      reactions: this.reactions.all(),
      serverTime: now,
    };
  }

  displayView(participants: number, now = Date.now()): DisplayView {
    return {
      role: 'display',
      session: this.session,
      cursor: this.currentCursor(),
      slideIndex: this.currentSlide().index,
      questions: this.allStates(),
      results: this.collectResults((state) => this.displaySees(state.questionId), false),
      participants,
      quiz: this.quizBoard(),
      serverTime: now,
    };
  }

  /**
   * Views for every phone: the shared part (slide, question, results, standings) is
   * computed once, so sending the state to thousands of phones costs one tally, not one per phone.
   */
  audienceViews(now = Date.now()): (participantId: string) => AudienceView {
    const slide = this.currentSlide();
    const question = this.currentQuestion();
    const state = question ? this.states.get(question.id)! : undefined;
    // A question is only put in front of phones once its slide has opened it.
    const shown = question && state && state.status !== 'pending' ? question : undefined;
    const publicQuestion = shown ? toPublicQuestion(shown) : null;
    const questionState = shown && state ? { ...state } : null;
    const standings = this.quizzes.length > 0 ? this.standings() : undefined;
    const currentQuiz = shown?.type === 'quiz' ? shown.id : undefined;
    const currentQuizSettled = currentQuiz !== undefined && state !== undefined && isSettled(state);
    // Phones learn the podium with the projector: once every quiz question counts.
    const podium = this.quizBoard()?.podium ?? null;
    let results: Results | null | undefined;
    return (participantId) => {
      const ownAnswers = shown ? this.answers.of(shown.id, participantId).map(toOwnAnswer) : [];
      const maySee = shown !== undefined && state !== undefined && audienceMaySee(shown, state, ownAnswers.length > 0);
      if (maySee && results === undefined) results = this.publicResults(shown.id) ?? null;
      return {
        role: 'audience',
        session: this.session,
        slideIndex: slide.index,
        slideTitle: slide.title,
        question: publicQuestion,
        questionState,
        results: maySee ? (results ?? null) : null,
        ownAnswer: ownAnswers.at(-1) ?? null,
        ownAnswers,
        ownVotes: shown?.type === 'qa' ? this.votes.entriesVotedBy(shown.id, participantId) : [],
        participantId,
        nickname: this.nicknames.nameOf(participantId),
        score: standings ? standings.playerScore(participantId, currentQuiz, currentQuizSettled, podium) : null,
        serverTime: now,
      };
    };
  }

  audienceView(participantId: string, now = Date.now()): AudienceView {
    return this.audienceViews(now)(participantId);
  }

  // --- reading, for the export ---------------------------------------------

  /** The presenter's results with every entry listed (results messages cap the lists): for the export. */
  fullResults(questionId: string): Results | undefined {
    return this.tally(questionId, true, true);
  }

  /** What the room may see, with every approved entry listed: the PDF's record of the talk. */
  recordResults(questionId: string): Results | undefined {
    return this.tally(questionId, false, true);
  }

  /** Every counted answer to a question: the latest per participant, several for word clouds and Q&A. */
  countedAnswers(questionId: string): readonly StoredAnswer[] {
    return this.answers.all(questionId);
  }

  /** The presenter's decision about the entry a typed answer made; undefined for untyped answers. */
  moderationOf(answer: StoredAnswer): EntryStatus | undefined {
    const question = this.questionsById.get(answer.questionId);
    const entryOf = question && moduleFor(question).entryOf;
    if (!question || !entryOf) return undefined;
    return this.moderation.state(question.id, entryOf(question, answer).id).status;
  }

  /** How a participant did on a quiz question, once it counts (closed and revealed). */
  quizScore(participantId: string, questionId: string): QuestionScore | undefined {
    const state = this.states.get(questionId);
    if (this.questionsById.get(questionId)?.type !== 'quiz' || !state || !isSettled(state)) return undefined;
    const { outcome, points, bonus } = this.standings().playerScore(participantId, questionId, true).question!;
    return { outcome, points, bonus };
  }

  /** Every quiz player in rank order, with its participant id (the board shows only the top 5). */
  quizRanking(): RankedPlayer[] {
    return this.quizzes.length === 0 ? [] : this.standings().ranking();
  }

  // --- commands: the presenter ---------------------------------------------

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
    if (question && state && state.status === 'pending') {
      this.open(question, state, now);
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
        // A quiz's points are for speed from its one opening: it runs once, or again from a reset.
        if (question.type === 'quiz' && state.status === 'closed') {
          return failure('conflict', 'a quiz question runs once — reset it to run it again (that clears its answers and points)');
        }
        if (state.status !== 'open') this.open(question, state, now);
        break;
      case 'close':
        if (state.status !== 'closed') this.close(question, state, now);
        break;
      case 'reveal':
        state.revealed = true;
        break;
      case 'hide':
        state.revealed = false;
        break;
      case 'add-time': {
        const added = addedTime(question.type === 'quiz' ? question : undefined, state, now);
        if ('ok' in added) return added;
        state.closesAt = added.closesAt;
        break;
      }
      case 'reset': {
        if (this.answers.discard(questionId) > 0) effects.push({ kind: 'discard-answers', questionId });
        this.moderation.clear(questionId);
        this.votes.clear(questionId);
        Object.assign(state, freshState(question));
        delete state.closesAt;
        delete state.answersOpenAt;
        if (this.currentQuestion()?.id === questionId) this.open(question, state, now);
        effects.push({ kind: 'results-changed', questionId });
        break;
      }
    }

    if (!sameState(before, state) || effects.length > 0) {
      this.standingsCache = undefined;
      effects.unshift({ kind: 'save-question-state', state: { ...state } });
      effects.push({ kind: 'views-changed' });
    }
    return { ok: true, question: { ...state }, effects };
  }

  /**
   * The quiz timer fired (at nextDeadline): closes every quiz question whose time is up; when
   * instead a read phase just ended, every view goes out again, so phones open their answer
   * buttons on the server's word (their own countdown may run late in a background tab).
   */
  quizTimeReached(now: number): EngineEffect[] {
    const closed = this.closeExpired(now);
    if (closed.length > 0) return closed;
    const answersOpened = [...this.states.values()].some(
      (state) => state.status === 'open' && state.answersOpenAt !== undefined && state.answersOpenAt <= now,
    );
    return answersOpened ? [{ kind: 'views-changed' }] : [];
  }

  /** Closes every quiz question whose time is up (the wiring calls this when a countdown ends). */
  closeExpired(now: number): EngineEffect[] {
    const effects: EngineEffect[] = [];
    for (const [questionId, state] of this.states) {
      if (state.status !== 'open' || state.closesAt === undefined || state.closesAt > now) continue;
      this.close(this.questionsById.get(questionId)!, state, state.closesAt);
      effects.push({ kind: 'save-question-state', state: { ...state } }, { kind: 'results-changed', questionId });
    }
    if (effects.length > 0) {
      this.standingsCache = undefined;
      effects.push({ kind: 'views-changed' });
    }
    return effects;
  }

  /**
   * Closes an open quiz question once every phone connected now has answered it: the room
   * does not wait out the countdown. The wiring knows who is connected and asks after each
   * counted answer (and when a phone leaves).
   */
  closeWhenAllAnswered(questionId: string, phones: { readonly size: number; keys(): Iterable<string> }, now: number): EngineEffect[] {
    const question = this.questionsById.get(questionId);
    const state = this.states.get(questionId);
    if (question?.type !== 'quiz' || state?.status !== 'open') return [];
    if (!everyoneAnswered(state.responses, phones, (participantId) => this.hasAnswered(questionId, participantId))) return [];
    this.close(question, state, now);
    this.standingsCache = undefined;
    return [{ kind: 'save-question-state', state: { ...state } }, { kind: 'results-changed', questionId }, { kind: 'views-changed' }];
  }

  /** Presenter approves or hides a typed entry (text answer, Q&A question, word): the marks to commit. */
  proposeModeration(questionId: string, entryId: string, status: EntryStatus): Proposal<{ entry: EntryMark }> {
    const found = this.moderatedEntry(questionId, entryId, MODERATED_TYPES, 'text answers, Q&A questions and word-cloud words');
    if (!found.ok) return found;
    return this.markProposal(questionId, entryId, this.moderation.proposeStatus(questionId, entryId, status));
  }

  /** Presenter marks a Q&A question answered and/or pinned (one pinned question at a time): the marks to commit. */
  proposeQaMarks(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): Proposal<{ entry: EntryMark }> {
    const found = this.moderatedEntry(questionId, entryId, new Set(['qa']), 'Q&A questions');
    if (!found.ok) return found;
    return this.markProposal(questionId, entryId, this.moderation.proposeQaMarks(questionId, entryId, marks));
  }

  /** proposeModeration, committed at once (in memory): for tests and replays. */
  moderate(questionId: string, entryId: string, status: EntryStatus): EngineOutcome<{ entry: EntryMark; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeModeration(questionId, entryId, status));
  }

  markQa(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): EngineOutcome<{ entry: EntryMark; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeQaMarks(questionId, entryId, marks));
  }

  // --- commands: the phones ------------------------------------------------

  /**
   * A phone answers, or changes its answer: the record to commit. A re-sent answer id that
   * was committed counts once (duplicate); one that never was is checked and written again.
   */
  proposeAnswer(participantId: string, submit: AnswerSubmit, now: number): Proposal<{ answer: OwnAnswer; duplicate: boolean }> {
    const question = this.questionsById.get(submit.questionId);
    if (!question) return failure('not_found', `no question with id "${submit.questionId}" in this deck`);

    const owner = this.answers.ownerOf(submit.answerId);
    if (owner !== undefined) {
      if (owner !== participantId && owner !== '') {
        return failure('conflict', 'this answer id belongs to another participant — make a new id for each answer');
      }
      const same = this.answers.find(question.id, submit.answerId);
      const current = same ? toOwnAnswer(same) : this.ownAnswer(question.id, participantId);
      if (current) return { ok: true, answer: current, duplicate: true, records: [] };
      // The answer was discarded by a reset: acknowledge it without counting it again.
      return { ok: true, answer: { ...submit, answeredAt: now }, duplicate: true, records: [] };
    }

    const state = this.states.get(question.id)!;
    if (state.status !== 'open') {
      return failure('closed', state.status === 'closed' ? 'this question is closed' : 'this question is not open yet');
    }
    if (state.closesAt !== undefined && now > state.closesAt) return failure('closed', "time is up for this quiz question");
    const early = tooEarly(state, now);
    if (early) return early;
    const module = moduleFor(question);
    const checked = module.checkAnswer(question, submit.value);
    if (!checked.ok) return failure('bad_request', checked.message, checked.detail);

    const stored: StoredAnswer = {
      questionId: question.id,
      participantId,
      answerId: submit.answerId,
      value: checked.value,
      answeredAt: now,
    };
    const earlier = this.answers.of(question.id, participantId);
    if (module.answerMode === 'final' && earlier.length > 0) {
      return failure('conflict', 'you already answered this quiz question — quiz answers are final');
    }
    if (module.answerMode === 'collect') {
      const most = module.maxAnswers?.(question) ?? 1;
      if (earlier.length >= most) return failure('conflict', `you have sent the ${most} answer(s) this question takes`, { reason: 'answer_limit', most });
      const entry = module.entryOf?.(question, stored);
      if (entry && earlier.some((answer) => module.entryOf!(question, answer).id === entry.id)) {
        return failure('conflict', `you already sent "${entry.text}"`, { reason: 'already_sent', text: entry.text });
      }
    }
    return { ok: true, answer: toOwnAnswer(stored), duplicate: false, records: [answerRecord(stored)] };
  }

  /** A phone upvotes another phone's Q&A question: the record to commit; voting twice changes nothing. */
  proposeVote(participantId: string, questionId: string, entryId: string, now: number): Proposal<{ entryId: string; votes: number; duplicate: boolean }> {
    const question = this.questionsById.get(questionId);
    if (!question) return failure('not_found', `no question with id "${questionId}" in this deck`);
    if (question.type !== 'qa') return failure('bad_request', `"${questionId}" is a ${question.type} question: only Q&A questions take upvotes`);
    if (this.states.get(questionId)!.status !== 'open') return failure('closed', 'this Q&A is closed');
    const asked = this.answers.find(questionId, entryId);
    if (!asked || this.moderation.state(questionId, entryId).status !== 'approved') {
      return failure('not_found', 'there is no such question to upvote (it may have been hidden)');
    }
    if (asked.participantId === participantId) return failure('conflict', 'you cannot upvote your own question', { reason: 'own_question' });
    const votes = this.votes.count(questionId, entryId);
    if (this.votes.entriesVotedBy(questionId, participantId).includes(entryId)) return { ok: true, entryId, votes, duplicate: true, records: [] };
    const vote: StoredVote = { questionId, entryId, participantId, votedAt: now };
    return { ok: true, entryId, votes: votes + 1, duplicate: false, records: [voteRecord(vote)] };
  }

  /** A phone sets or changes its nickname (unique in the session, whatever the case): the record to commit. */
  proposeNickname(participantId: string, raw: string, now: number): Proposal<{ nickname: string }> {
    const checked = this.nicknames.check(participantId, raw, this.isProfane);
    if (!checked.ok) return checked;
    const records: SessionRecord[] = checked.changed ? [{ kind: 'nickname', participantId, nickname: checked.nickname, at: now }] : [];
    return { ok: true, nickname: checked.nickname, records };
  }

  /** proposeAnswer, committed at once (in memory): for tests and replays. */
  submitAnswer(participantId: string, submit: AnswerSubmit, now: number): EngineOutcome<{ answer: OwnAnswer; duplicate: boolean; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeAnswer(participantId, submit, now));
  }

  upvote(participantId: string, questionId: string, entryId: string, now: number): EngineOutcome<{ entryId: string; votes: number; duplicate: boolean; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeVote(participantId, questionId, entryId, now));
  }

  setNickname(participantId: string, raw: string, now = 0): EngineOutcome<{ nickname: string; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeNickname(participantId, raw, now));
  }

  /**
   * Counts committed records, in commit order. Records the engine made itself from a
   * presenter command (cursor, question states, resets) and reactions are in its state
   * already; the phones' records and the presenter's marks count only from here.
   * `fromElsewhere`: the records come from the shared log (another node wrote them, or a
   * node replays the log at start), so the presenter's records count here too.
   */
  fold(records: readonly SessionRecord[], fromElsewhere = false): EngineEffect[] {
    const changed = new Set<string>();
    let board = false;
    let views = false;
    const discarded: EngineEffect[] = [];
    for (const record of records) {
      // Another node's presenter commands (or a replay of the log) change this engine only here.
      if (fromElsewhere && this.foldPresenterRecord(record, changed, discarded)) {
        views = true;
        board ||= this.quizzes.length > 0;
        continue;
      }
      switch (record.kind) {
        case 'answer': {
          const question = this.questionsById.get(record.questionId);
          // Known already: a re-send committed twice, or an id a reset discarded.
          if (!question || this.answers.ownerOf(record.answerId) !== undefined) break;
          this.count(question, storedAnswer(record));
          this.states.get(question.id)!.responses = this.answers.respondents(question.id);
          changed.add(question.id);
          break;
        }
        case 'vote':
          if (this.questionsById.has(record.questionId) && this.votes.add(record)) changed.add(record.questionId);
          break;
        case 'entry-mark':
          this.moderation.restore(record);
          changed.add(record.questionId);
          break;
        case 'nickname':
          this.nicknames.take(record.participantId, record.nickname);
          this.standingsCache = undefined;
          board ||= this.quizzes.length > 0;
          break;
        default:
          break;
      }
    }
    const effects: EngineEffect[] = [...discarded, ...[...changed].map((questionId): EngineEffect => ({ kind: 'results-changed', questionId }))];
    if (board) effects.push({ kind: 'board-changed' });
    if (views) effects.push({ kind: 'views-changed' });
    return effects;
  }

  /**
   * The records a presenter command makes (slide, question state, reset) and reaction
   * counts, as another node committed them: true when the record was one of those.
   */
  private foldPresenterRecord(record: SessionRecord, changed: Set<string>, discarded: EngineEffect[]): boolean {
    switch (record.kind) {
      case 'cursor':
        if (this.slideAt(record.cursor)) this.cursor = { ...record.cursor };
        return true;
      case 'question-state': {
        const question = this.questionsById.get(record.state.questionId);
        if (!question) return true;
        const state = withDeadline(question, record.state);
        state.responses = this.answers.respondents(question.id);
        this.states.set(question.id, state);
        this.standingsCache = undefined;
        changed.add(question.id);
        return true;
      }
      case 'discard':
        if (!this.questionsById.has(record.questionId)) return true;
        if (this.answers.discard(record.questionId) > 0) discarded.push({ kind: 'discard-answers', questionId: record.questionId });
        this.moderation.clear(record.questionId);
        this.votes.clear(record.questionId);
        this.states.get(record.questionId)!.responses = 0;
        this.standingsCache = undefined;
        changed.add(record.questionId);
        return true;
      case 'reactions':
        for (const { slideIndex, counts } of record.bursts) {
          for (const [emoji, count] of Object.entries(counts)) this.reactions.add(slideIndex, emoji as Reaction, count);
        }
        return true;
      default:
        return false;
    }
  }

  /** A phone reacts to the current slide. */
  react(emoji: Reaction): EngineEffect[] {
    const slideIndex = this.currentSlide().index;
    this.reactions.add(slideIndex, emoji);
    return [{ kind: 'reaction', slideIndex, emoji }];
  }

  reactionTotals(slideIndex: number) {
    return this.reactions.totals(slideIndex);
  }

  // --- helpers -------------------------------------------------------------

  /** Counts an answer: in the answer book, and as a moderated entry when the type has them. */
  private count(question: Question, answer: StoredAnswer): void {
    const module = moduleFor(question);
    if (module.answerMode === 'final' && this.answers.of(question.id, answer.participantId).length > 0) return;
    const replaced = this.answers.record(answer, module.answerMode);
    if (!module.entryOf) return;
    const entry = module.entryOf(question, answer);
    for (const old of replaced) {
      const oldId = module.entryOf(question, old).id;
      if (oldId !== entry.id) this.moderation.forget(question.id, oldId);
    }
    if (!this.moderation.has(question.id, entry.id)) this.moderation.register(question.id, entry.id, this.isProfane(entry.text));
  }

  private open(question: Question, state: QuestionState, now: number): void {
    Object.assign(state, { status: 'open', openedAt: now, closedAt: null });
    if (question.type === 'quiz') Object.assign(state, quizWindow(question, now));
  }

  private close(question: Question, state: QuestionState, at: number): void {
    Object.assign(state, { status: 'closed', closedAt: at });
    if (revealedOnClose(question)) state.revealed = true;
  }

  private tally(questionId: string, forPresenter: boolean, listAll = false): Results | undefined {
    const question = this.questionsById.get(questionId);
    const state = this.states.get(questionId);
    if (!question || !state) return undefined;
    const context: TallyContext = {
      answers: this.answers.all(questionId),
      respondents: this.answers.respondents(questionId),
      revealAnswer: isSettled(state),
      forPresenter,
      listAll,
      entry: (entryId) => this.moderation.state(questionId, entryId),
      votes: (entryId) => this.votes.count(questionId, entryId),
    };
    return moduleFor(question).tally(question, context);
  }

  private settledQuizzes(): SettledQuiz[] {
    return this.quizzes.flatMap((question) => {
      const state = this.states.get(question.id)!;
      if (!isSettled(state) || state.openedAt === null) return [];
      // Points count from when answers opened: the read phase is nobody's time.
      const { answersOpenAt } = quizWindow(question, state.openedAt);
      return [{ question, answersOpenAt, answers: this.answers.firstAnswers(question.id) }];
    });
  }

  private standings(): Standings {
    this.standingsCache ??= new Standings(scoreQuizzes(this.settledQuizzes()), (participantId) => this.nicknames.displayName(participantId));
    return this.standingsCache;
  }

  private moderatedEntry(questionId: string, entryId: string, types: ReadonlySet<Question['type']>, what: string): { ok: true } | ReturnType<typeof failure> {
    const question = this.questionsById.get(questionId);
    if (!question) return failure('not_found', `no question with id "${questionId}" in this deck`);
    if (!types.has(question.type)) return failure('bad_request', `"${questionId}" is a ${question.type} question: this only applies to ${what}`);
    if (!this.moderation.has(questionId, entryId)) return failure('not_found', `question "${questionId}" has no entry "${entryId.slice(0, LIMITS.idMaxLength)}"`);
    return { ok: true };
  }

  private markProposal(questionId: string, entryId: string, marks: StoredEntryMark[]): Proposal<{ entry: EntryMark }> {
    const now = this.moderation.state(questionId, entryId);
    const { status, answered, pinned } = marks.find((changed) => changed.entryId === entryId) ?? now;
    return { ok: true, entry: { questionId, entryId, status, flagged: now.flagged, answered, pinned }, records: marks.map(markRecord) };
  }

  /** A proposal committed to nothing but this engine: a test's or a replay's store. */
  private commitInMemory<T extends object>(proposal: Proposal<T>): EngineOutcome<T & { records: SessionRecord[] }> {
    if (!proposal.ok) return proposal;
    return { ...proposal, effects: this.fold(proposal.records) };
  }

  private slideAt(cursor: { h: number; v: number }): Slide | undefined {
    return this.slidesByPosition.get(positionKey(cursor.h, cursor.v));
  }

  private allStates(): Record<string, QuestionState> {
    return Object.fromEntries([...this.states].map(([id, state]) => [id, { ...state }]));
  }

  private collectResults(include: (state: QuestionState) => boolean, forPresenter: boolean): Record<string, Results> {
    const collected: Record<string, Results> = {};
    for (const [questionId, state] of this.states) {
      if (!include(state)) continue;
      const results = this.tally(questionId, forPresenter);
      if (results) collected[questionId] = results;
    }
    return collected;
  }
}

function positionKey(h: number, v: number): string {
  return `${h}/${v}`;
}

function toOwnAnswer(answer: StoredAnswer): OwnAnswer {
  return { questionId: answer.questionId, answerId: answer.answerId, value: answer.value, answeredAt: answer.answeredAt };
}

/** A quiz's answer is out once it is closed and revealed: only then do phones learn it, and only then does it score. */
function isSettled(state: QuestionState): boolean {
  return state.status === 'closed' && state.revealed;
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

/** A stored state with the quiz's read phase and countdown worked out from its opening (a stored deadline wins: added time). */
function withDeadline(question: Question, state: RestoredQuestionState): QuestionState {
  const { closesAt: stored, ...rest } = state;
  const restored: QuestionState = { ...rest };
  if (question.type === 'quiz' && state.openedAt !== null && state.status !== 'pending') {
    Object.assign(restored, quizWindow(question, state.openedAt), stored != null ? { closesAt: stored } : {});
  }
  return restored;
}

function sameState(a: QuestionState, b: QuestionState): boolean {
  return a.status === b.status && a.revealed === b.revealed && a.responses === b.responses && a.openedAt === b.openedAt && a.closesAt === b.closesAt;
}

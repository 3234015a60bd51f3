import type { Deck, Question, Slide } from '../../protocol/deck.ts';
import type { AnswerSubmit, EntryMark, QuestionAction } from '../../protocol/events.ts';
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
import type { RestoredSession, SessionRecord, StoredAnswer } from '../store/records.ts';
import { proposeAnswer, proposeVote } from './answer-counting.ts';
import type { EngineEffect, EngineOutcome, Proposal } from './effects.ts';
import type { RankedPlayer } from './leaderboard.ts';
import { proposeModeration, proposeQaMarks } from './moderation-commands.ts';
import * as lifecycle from './question-lifecycle.ts';
import { moduleFor } from './question-types/index.ts';
import type { QuestionScore } from './quiz-scoring.ts';
import { fold, restore } from './record-fold.ts';
import { SessionState } from './session-state.ts';
import { audienceViews, displaySees, displayView, presenterView } from './session-views.ts';

/**
 * The rules of one live session, with no I/O: where the talk is, which questions are
 * open, who answered what, quiz scores, nicknames, moderation, Q&A votes and reactions.
 * Each command returns what changed as effects for the wiring. This class is the one
 * door: the views, the question lifecycle, answer counting and the fold live in their
 * own modules and share one SessionState.
 */
export class SessionEngine {
  readonly session: SessionInfo;
  private readonly state: SessionState;

  constructor(deck: Deck, session: SessionInfo, restored?: RestoredSession) {
    this.session = session;
    this.state = new SessionState(deck, session);
    if (restored) restore(this.state, restored);
  }

  // --- reading -------------------------------------------------------------

  currentCursor(): SlideCursor {
    return { ...this.state.cursor };
  }

  currentSlide(): Slide {
    return this.state.currentSlide();
  }

  currentQuestion(): Question | undefined {
    return this.state.currentQuestion();
  }

  question(questionId: string): Question | undefined {
    return this.state.question(questionId);
  }

  questionState(questionId: string): QuestionState | undefined {
    const state = this.state.states.get(questionId);
    return state && { ...state };
  }

  hasAnswered(questionId: string, participantId: string): boolean {
    return this.state.answers.of(questionId, participantId).length > 0;
  }

  /** Ids of the questions this participant has a counted answer to. */
  answeredBy(participantId: string): string[] {
    return this.state.answers.answeredBy(participantId);
  }

  /** Its latest counted answer to the question. */
  ownAnswer(questionId: string, participantId: string): OwnAnswer | null {
    return this.state.ownAnswer(questionId, participantId);
  }

  nickname(participantId: string): string | null {
    return this.state.nicknames.nameOf(participantId);
  }

  /** The presenter's results: every entry, held and hidden ones included. */
  results(questionId: string): Results | undefined {
    return this.state.tally(questionId, true);
  }

  /** True when phones and displays see the same results as the presenter (no moderated entries). */
  resultsArePublic(questionId: string): boolean {
    const question = this.state.question(questionId);
    return question !== undefined && moduleFor(question).entryOf === undefined;
  }

  /** What phones and displays may be sent (when visibility allows): approved entries only. */
  publicResults(questionId: string): Results | undefined {
    return this.state.tally(questionId, false);
  }

  /** When the wiring's quiz timer must fire next: an open quiz question's answers open (after `now`) or its time runs out. */
  nextDeadline(now: number): number | undefined {
    return lifecycle.nextDeadline(this.state, now);
  }

  quizBoard(): QuizBoard | null {
    return this.state.quiz.board();
  }

  reactionCounts(): SlideReactions[] {
    return this.state.reactions.all();
  }

  reactionTotals(slideIndex: number) {
    return this.state.reactions.totals(slideIndex);
  }

  /** Displays see a question's results once it is revealed, or while a revealed question compares itself with it. */
  displaySees(questionId: string): boolean {
    return displaySees(this.state, questionId);
  }

  presenterView(participants: number, now = Date.now()): PresenterView {
    return presenterView(this.state, participants, now);
  }

  displayView(participants: number, now = Date.now()): DisplayView {
    return displayView(this.state, participants, now);
  }

  /** Views for every phone, the shared part computed once: one tally for thousands of phones. */
  audienceViews(now = Date.now()): (participantId: string) => AudienceView {
    return audienceViews(this.state, now);
  }

  audienceView(participantId: string, now = Date.now()): AudienceView {
    return this.audienceViews(now)(participantId);
  }

  // --- reading, for the export ---------------------------------------------

  /** The presenter's results with every entry listed (results messages cap the lists): for the export. */
  fullResults(questionId: string): Results | undefined {
    return this.state.tally(questionId, true, true);
  }

  /** What the room may see, with every approved entry listed: the PDF's record of the talk. */
  recordResults(questionId: string): Results | undefined {
    return this.state.tally(questionId, false, true);
  }

  /** Every counted answer to a question: the latest per participant, several for word clouds and Q&A. */
  countedAnswers(questionId: string): readonly StoredAnswer[] {
    return this.state.answers.all(questionId);
  }

  /** The presenter's decision about the entry a typed answer made; undefined for untyped answers. */
  moderationOf(answer: StoredAnswer): EntryStatus | undefined {
    const question = this.state.question(answer.questionId);
    const entryOf = question && moduleFor(question).entryOf;
    if (!question || !entryOf) return undefined;
    return this.state.moderation.state(question.id, entryOf(question, answer).id).status;
  }

  /** How a participant did on a quiz question, once it counts (closed and revealed). */
  quizScore(participantId: string, questionId: string): QuestionScore | undefined {
    return this.state.quiz.questionScore(participantId, questionId);
  }

  /** Every quiz player in rank order, with its participant id (the board shows only the top 5). */
  quizRanking(): RankedPlayer[] {
    return this.state.quiz.ranking();
  }

  // --- commands: the presenter ---------------------------------------------

  /** Presenter moves the talk. Reaching a question's slide opens it unless it was closed. */
  goTo(target: SlideCursor, now: number): EngineOutcome<{ cursor: SlideCursor }> {
    return lifecycle.goTo(this.state, target, now);
  }

  /** Presenter controls a question. Repeating a command that already holds changes nothing. */
  control(questionId: string, action: QuestionAction, now: number): EngineOutcome<{ question: QuestionState }> {
    return lifecycle.control(this.state, questionId, action, now);
  }

  /** The quiz timer fired (at nextDeadline): closes what ran out, or sends every view again when answers opened. */
  quizTimeReached(now: number): EngineEffect[] {
    return lifecycle.deadlineReached(this.state, now);
  }

  /** Closes every quiz question whose time is up (the wiring calls this when a countdown ends). */
  closeExpired(now: number): EngineEffect[] {
    return lifecycle.closeExpired(this.state, now);
  }

  /** Closes an open quiz question once every phone connected now (`phones`) has answered it. */
  closeWhenAllAnswered(questionId: string, phones: { readonly size: number; keys(): Iterable<string> }, now: number): EngineEffect[] {
    return lifecycle.closeWhenAllAnswered(this.state, questionId, phones, now);
  }

  /** Presenter approves or hides a typed entry (text answer, Q&A question, word): the marks to commit. */
  proposeModeration(questionId: string, entryId: string, status: EntryStatus): Proposal<{ entry: EntryMark }> {
    return proposeModeration(this.state, questionId, entryId, status);
  }

  /** Presenter marks a Q&A question answered and/or pinned (one pinned question at a time): the marks to commit. */
  proposeQaMarks(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): Proposal<{ entry: EntryMark }> {
    return proposeQaMarks(this.state, questionId, entryId, marks);
  }

  /** proposeModeration, committed at once (in memory): for tests and replays. */
  moderate(questionId: string, entryId: string, status: EntryStatus): EngineOutcome<{ entry: EntryMark; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeModeration(questionId, entryId, status));
  }

  markQa(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): EngineOutcome<{ entry: EntryMark; records: SessionRecord[] }> {
    return this.commitInMemory(this.proposeQaMarks(questionId, entryId, marks));
  }

  // --- commands: the phones ------------------------------------------------

  /** A phone answers, or changes its answer: the record to commit (a committed re-send counts once). */
  proposeAnswer(participantId: string, submit: AnswerSubmit, now: number): Proposal<{ answer: OwnAnswer; duplicate: boolean }> {
    return proposeAnswer(this.state, participantId, submit, now);
  }

  /** A phone upvotes another phone's Q&A question: the record to commit; voting twice changes nothing. */
  proposeVote(participantId: string, questionId: string, entryId: string, now: number): Proposal<{ entryId: string; votes: number; duplicate: boolean }> {
    return proposeVote(this.state, participantId, questionId, entryId, now);
  }

  /** A phone sets or changes its nickname (unique in the session, whatever the case): the record to commit. */
  proposeNickname(participantId: string, raw: string, now: number): Proposal<{ nickname: string }> {
    const checked = this.state.nicknames.check(participantId, raw, this.state.isProfane);
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

  /** A phone reacts to the current slide. */
  react(emoji: Reaction): EngineEffect[] {
    const slideIndex = this.state.currentSlide().index;
    this.state.reactions.add(slideIndex, emoji);
    return [{ kind: 'reaction', slideIndex, emoji }];
  }

  // --- the store's way in ----------------------------------------------------

  /**
   * Counts committed records, in commit order (see record-fold.ts). `fromElsewhere`: the
   * records come from the shared log (another node, or a replay), so presenter records count too.
   */
  fold(records: readonly SessionRecord[], fromElsewhere = false): EngineEffect[] {
    return fold(this.state, records, fromElsewhere);
  }

  /** A proposal committed to nothing but this engine: a test's or a replay's store. */
  private commitInMemory<T extends object>(proposal: Proposal<T>): EngineOutcome<T & { records: SessionRecord[] }> {
    if (!proposal.ok) return proposal;
    return { ...proposal, effects: this.fold(proposal.records) };
  }
}

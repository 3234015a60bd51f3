import type { Deck, Question, Slide } from '../../protocol/deck.ts';
import type { OwnAnswer, QuestionState, Results, SessionInfo, SlideCursor } from '../../protocol/session.ts';
import type { StoredAnswer } from '../store/records.ts';
import { AnswerBook } from './answer-book.ts';
import { ModerationBook } from './moderation.ts';
import { NicknameBook } from './nicknames.ts';
import { createProfanityCheck, type ProfanityCheck } from './profanity.ts';
import { VoteBook } from './qa-votes.ts';
import { moduleFor } from './question-types/index.ts';
import type { TallyContext } from './question-types/question-type.ts';
import { QuizStandings } from './quiz-standings.ts';
import { ReactionTally } from './reactions.ts';
import { initiallyRevealed, isSettled } from './visibility.ts';

/**
 * What one live session holds, shared by the engine's parts (views, question lifecycle,
 * answer counting, the fold): the deck's lookups, where the talk is, each question's state
 * and the books of answers, entries, upvotes, nicknames and reactions. No rules and no I/O.
 */
export class SessionState {
  readonly states = new Map<string, QuestionState>();
  readonly answers: AnswerBook;
  readonly moderation = new ModerationBook();
  readonly votes = new VoteBook();
  readonly nicknames = new NicknameBook();
  readonly reactions = new ReactionTally();
  readonly isProfane: ProfanityCheck;
  readonly quiz: QuizStandings;
  cursor: SlideCursor = { h: 0, v: 0, f: -1 };
  private readonly slidesByPosition = new Map<string, Slide>();
  private readonly questionsById = new Map<string, Question>();

  constructor(
    readonly deck: Deck,
    readonly info: SessionInfo,
  ) {
    this.isProfane = createProfanityCheck(deck.moderation);
    for (const slide of deck.slides) this.slidesByPosition.set(positionKey(slide.position.h, slide.position.v), slide);
    for (const question of deck.questions) {
      this.questionsById.set(question.id, question);
      this.states.set(question.id, freshState(question));
    }
    this.answers = new AnswerBook(this.questionsById.keys());
    this.quiz = new QuizStandings(deck.questions, this.states, this.answers, (participantId) => this.nicknames.displayName(participantId));
  }

  question(questionId: string): Question | undefined {
    return this.questionsById.get(questionId);
  }

  slideAt(cursor: { h: number; v: number }): Slide | undefined {
    return this.slidesByPosition.get(positionKey(cursor.h, cursor.v));
  }

  currentSlide(): Slide {
    return this.slideAt(this.cursor) ?? this.deck.slides[0]!;
  }

  currentQuestion(): Question | undefined {
    const questionId = this.currentSlide().questionIds[0];
    return questionId === undefined ? undefined : this.questionsById.get(questionId);
  }

  /** Its latest counted answer to the question. */
  ownAnswer(questionId: string, participantId: string): OwnAnswer | null {
    const answer = this.answers.of(questionId, participantId).at(-1);
    return answer ? toOwnAnswer(answer) : null;
  }

  /** A question's results through its type's module: the presenter's (every entry) or the room's (approved ones). */
  tally(questionId: string, forPresenter: boolean, listAll = false): Results | undefined {
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

  /** Every question's state, copied: views must not share the engine's objects. */
  allStates(): Record<string, QuestionState> {
    return Object.fromEntries([...this.states].map(([id, state]) => [id, { ...state }]));
  }
}

function positionKey(h: number, v: number): string {
  return `${h}/${v}`;
}

export function toOwnAnswer(answer: StoredAnswer): OwnAnswer {
  return { questionId: answer.questionId, answerId: answer.answerId, value: answer.value, answeredAt: answer.answeredAt };
}

/** A question before its slide was first reached, or after a reset. */
export function freshState(question: Question): QuestionState {
  return {
    questionId: question.id,
    status: 'pending',
    revealed: initiallyRevealed(question),
    responses: 0,
    openedAt: null,
    closedAt: null,
  };
}

import type { Question, QuizQuestion } from '../../protocol/deck.ts';
import type { PlayerScore, QuestionState, QuizBoard } from '../../protocol/session.ts';
import type { AnswerBook } from './answer-book.ts';
import { Standings, type RankedPlayer } from './leaderboard.ts';
import { quizWindow } from './question-types/quiz-timing.ts';
import { scoreQuizzes, type QuestionScore, type SettledQuiz } from './quiz-scoring.ts';
import { isSettled } from './visibility.ts';

/**
 * The quiz side of a session: the deck's quiz questions, and the standings over those
 * whose answer is out, worked out when first needed after a change to quiz states,
 * answers or nicknames (the engine says so with `invalidate`).
 */
export class QuizStandings {
  private readonly quizzes: QuizQuestion[];
  private readonly quizIds: ReadonlySet<string>;
  private cache: Standings | undefined;

  constructor(
    questions: readonly Question[],
    private readonly states: ReadonlyMap<string, QuestionState>,
    private readonly answers: AnswerBook,
    private readonly nameOf: (participantId: string) => string,
  ) {
    this.quizzes = questions.filter((question): question is QuizQuestion => question.type === 'quiz');
    this.quizIds = new Set(this.quizzes.map((question) => question.id));
  }

  /** The deck has quiz questions: a change of names or quiz states changes the board. */
  get inPlay(): boolean {
    return this.quizzes.length > 0;
  }

  /** Something the standings depend on changed: they are worked out again when next asked. */
  invalidate(): void {
    this.cache = undefined;
  }

  board(): QuizBoard | null {
    if (!this.inPlay) return null;
    return this.standings().board(this.quizzes.length, this.settled().length);
  }

  /**
   * Each phone's own score while `shown` is on its screen, worked out once for every phone;
   * undefined when the deck has no quiz.
   */
  scores(shown: Question | undefined, state: QuestionState | undefined): ((participantId: string) => PlayerScore) | undefined {
    if (!this.inPlay) return undefined;
    const standings = this.standings();
    const currentQuiz = shown !== undefined && this.quizIds.has(shown.id) ? shown.id : undefined;
    const currentQuizSettled = currentQuiz !== undefined && state !== undefined && isSettled(state);
    // Phones learn the podium with the projector: once every quiz question counts.
    const podium = this.board()?.podium ?? null;
    return (participantId) => standings.playerScore(participantId, currentQuiz, currentQuizSettled, podium);
  }

  /** How a participant did on a quiz question, once it counts (closed and revealed). */
  questionScore(participantId: string, questionId: string): QuestionScore | undefined {
    const state = this.states.get(questionId);
    if (!this.quizIds.has(questionId) || !state || !isSettled(state)) return undefined;
    const { outcome, points, bonus } = this.standings().playerScore(participantId, questionId, true).question!;
    return { outcome, points, bonus };
  }

  /** Every quiz player in rank order, with its participant id (the board shows only the top 5). */
  ranking(): RankedPlayer[] {
    return this.inPlay ? this.standings().ranking() : [];
  }

  private settled(): SettledQuiz[] {
    return this.quizzes.flatMap((question) => {
      const state = this.states.get(question.id)!;
      if (!isSettled(state) || state.openedAt === null) return [];
      // Points count from when answers opened: the read phase is nobody's time.
      const { answersOpenAt } = quizWindow(question, state.openedAt);
      return [{ question, answersOpenAt, answers: this.answers.firstAnswers(question.id) }];
    });
  }

  private standings(): Standings {
    this.cache ??= new Standings(scoreQuizzes(this.settled()), this.nameOf);
    return this.cache;
  }
}

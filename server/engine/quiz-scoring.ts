import type { QuizQuestion } from '../../protocol/deck.ts';
import type { AnswerValue, QuizOutcome } from '../../protocol/session.ts';
import type { StoredAnswer } from '../store/records.ts';

/**
 * Quiz points (docs/authoring.md, "Quiz scoring", says the same in words):
 * - a right answer scores round(1000 × (1 − elapsed / limit / 2)), where elapsed is the
 *   server's receive time of the answer minus the time answers opened (after the question's
 *   read phase), in ms, clamped to 0..limit, and limit is the question's time × 1000: 1000
 *   at once, 500 at the buzzer (and in time the presenter added);
 * - a wrong answer, or none, scores 0 and ends the streak;
 * - the n-th right answer in a row adds a streak bonus of 100 × (n − 1), at most 500.
 */
export const QUIZ_SCORING = { maxPoints: 1000, streakStep: 100, streakCap: 500 } as const;

export function speedPoints(timeSeconds: number, answersOpenAt: number, answeredAt: number): number {
  const limit = timeSeconds * 1000;
  const elapsed = Math.min(Math.max(answeredAt - answersOpenAt, 0), limit);
  return Math.round(QUIZ_SCORING.maxPoints * (1 - elapsed / limit / 2));
}

export function streakBonus(streak: number): number {
  return Math.min(Math.max(streak - 1, 0) * QUIZ_SCORING.streakStep, QUIZ_SCORING.streakCap);
}

/** Right when the one option picked is one of the correct ones. */
export function isRightAnswer(question: QuizQuestion, value: AnswerValue): boolean {
  return 'options' in value && value.options.length === 1 && question.correct.includes(value.options[0]!);
}

/** A quiz question whose answer is out (closed and revealed), with the answers it got. */
export interface SettledQuiz {
  question: QuizQuestion;
  /** When its answers opened (its opening plus its read phase): speed counts from here. */
  answersOpenAt: number;
  /** participantId → its one answer. */
  answers: ReadonlyMap<string, StoredAnswer>;
}

export interface QuestionScore {
  outcome: QuizOutcome;
  points: number;
  bonus: number;
}

export interface PlayerTotals {
  participantId: string;
  points: number;
  rightAnswers: number;
  /** Right answers in a row up to the last settled quiz question. */
  streak: number;
  byQuestion: Map<string, QuestionScore>;
}

/**
 * Every player's totals over the settled quiz questions, taken in deck order (the order
 * streaks run in). A player is a phone that answered at least one of them; a phone that
 * joined late simply missed the earlier ones and scored 0 there.
 */
export function scoreQuizzes(settled: readonly SettledQuiz[]): Map<string, PlayerTotals> {
  const players = new Map<string, PlayerTotals>();
  for (const quiz of settled) {
    for (const participantId of quiz.answers.keys()) {
      if (!players.has(participantId)) {
        players.set(participantId, { participantId, points: 0, rightAnswers: 0, streak: 0, byQuestion: new Map() });
      }
    }
  }
  for (const quiz of settled) {
    for (const player of players.values()) {
      const answer = quiz.answers.get(player.participantId);
      const right = answer !== undefined && isRightAnswer(quiz.question, answer.value);
      player.streak = right ? player.streak + 1 : 0;
      const points = right ? speedPoints(quiz.question.time, quiz.answersOpenAt, answer.answeredAt) : 0;
      const bonus = right ? streakBonus(player.streak) : 0;
      player.points += points + bonus;
      if (right) player.rightAnswers += 1;
      player.byQuestion.set(quiz.question.id, { outcome: answer === undefined ? 'missed' : right ? 'right' : 'wrong', points, bonus });
    }
  }
  return players;
}

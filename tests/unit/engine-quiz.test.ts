import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../protocol/deck.ts';
import type { AudienceView, QuizResults } from '../../protocol/session.ts';
import type { SessionEngine } from '../../server/engine/session-engine.ts';
import { isRightAnswer, speedPoints, streakBonus } from '../../server/engine/quiz-scoring.ts';
import { allTypesDeck, allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

const pick = (questionId: string, answerId: string, option: number) => ({ questionId, answerId, value: { options: [option] } });

/** The documented formula, written out independently of the engine's code. */
function expectedPoints(timeSeconds: number, elapsedMs: number): number {
  const clamped = Math.min(Math.max(elapsedMs, 0), timeSeconds * 1000);
  return Math.round(1000 * (1 - clamped / (timeSeconds * 1000) / 2));
}

function answer(engine: SessionEngine, participantId: string, questionId: string, option: number, at: number) {
  const outcome = engine.submitAnswer(participantId, pick(questionId, `${participantId}-${questionId}-${at}`, option), at);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('quiz points', () => {
  it('gives 1000 at once, 500 at the buzzer, linearly between, rounded', () => {
    expect(speedPoints(20, 1000, 1000)).toBe(1000);
    expect(speedPoints(20, 1000, 21_000)).toBe(500);
    expect(speedPoints(20, 1000, 11_000)).toBe(750);
    expect(speedPoints(20, 0, 1_234)).toBe(expectedPoints(20, 1_234));
    expect(speedPoints(20, 0, 1_234)).toBe(969);
    // A clock step backwards or an answer past the time never leaves 500..1000.
    expect(speedPoints(20, 5000, 4000)).toBe(1000);
    expect(speedPoints(20, 0, 99_000)).toBe(500);
  });

  it('adds 100 per right answer in a row after the first, at most 500', () => {
    expect([1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 100, 200, 500, 500, 500]);
  });

  it('counts an answer right when its one option is among the correct ones', () => {
    const live = allTypesDeck().questions.find((question) => question.id === 'quiz-live') as QuizQuestion;
    expect(live.correct).toEqual([0, 1]);
    expect(isRightAnswer(live, { options: [0] })).toBe(true);
    expect(isRightAnswer(live, { options: [1] })).toBe(true);
    expect(isRightAnswer(live, { options: [2] })).toBe(false);
    expect(isRightAnswer(live, { value: 0 })).toBe(false);
  });
});

describe('quiz countdown', () => {
  it('opens with a deadline of openedAt + time, refuses answers after it and closes itself at zero', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.quizFast, 10_000);
    expect(engine.questionState('quiz-fast')).toMatchObject({ status: 'open', openedAt: 10_000, closesAt: 15_000 });
    expect(engine.nextDeadline(10_000)).toBe(15_000);
    expect(engine.submitAnswer('p1', pick('quiz-fast', 'a1', 0), 15_000)).toMatchObject({ ok: true });
    expect(engine.submitAnswer('p2', pick('quiz-fast', 'a2', 0), 15_001)).toMatchObject({ ok: false, code: 'closed', message: 'time is up for this quiz question' });
    expect(engine.closeExpired(14_999)).toEqual([]);
    const effects = engine.closeExpired(15_003);
    expect(effects.map((effect) => effect.kind)).toEqual(['save-question-state', 'results-changed', 'views-changed']);
    // Closed at the deadline, not when the timer happened to fire; the default after-close reveals.
    expect(engine.questionState('quiz-fast')).toMatchObject({ status: 'closed', closedAt: 15_000, revealed: true });
    expect(engine.nextDeadline(15_003)).toBeUndefined();
  });

  it('takes one final answer per phone; a re-sent answer id still counts once', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.quizCapital, 0);
    expect(engine.submitAnswer('p1', pick('quiz-capital', 'a1', 1), 100)).toMatchObject({ ok: true, duplicate: false });
    expect(engine.submitAnswer('p1', pick('quiz-capital', 'a2', 0), 200)).toMatchObject({ ok: false, code: 'conflict' });
    expect(engine.submitAnswer('p1', pick('quiz-capital', 'a1', 1), 300)).toMatchObject({ ok: true, duplicate: true, answer: { answeredAt: 100 } });
    expect(engine.submitAnswer('p2', pick('quiz-capital', 'a3', 0), 300)).toMatchObject({ ok: true });
    expect(engine.submitAnswer('p3', { questionId: 'quiz-capital', answerId: 'a4', value: { options: [0, 1] } }, 300)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p3', { questionId: 'quiz-capital', answerId: 'a5', value: { options: [3] } }, 300)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p3', { questionId: 'quiz-capital', answerId: 'a6', value: { value: 1 } }, 300)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.results('quiz-capital')).toMatchObject({ responses: 2 });
  });

  it('runs once: reopening a closed quiz is refused, a reset runs it again from scratch', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.quizCapital, 0);
    answer(engine, 'p1', 'quiz-capital', 0, 10);
    engine.control('quiz-capital', 'close', 20);
    expect(engine.control('quiz-capital', 'reopen', 30)).toMatchObject({ ok: false, code: 'conflict' });
    expect(engine.control('quiz-capital', 'open', 30)).toMatchObject({ ok: false, code: 'conflict' });
    const reset = engine.control('quiz-capital', 'reset', 40);
    expect(reset).toMatchObject({ ok: true, question: { status: 'open', openedAt: 40, closesAt: 60_040, responses: 0, revealed: false } });
    expect(engine.submitAnswer('p1', pick('quiz-capital', 'b1', 0), 50)).toMatchObject({ ok: true });
  });

  it('re-arms the countdown after a restart from the stored opening time', () => {
    const engine = allTypesEngine({
      cursor: { h: 1, v: 3, f: -1 },
      questionStates: [{ questionId: 'quiz-fast', status: 'open', revealed: false, responses: 0, openedAt: 1_000, closedAt: null }],
      answers: [{ questionId: 'quiz-fast', participantId: 'p1', answerId: 'a1', value: { options: [0] }, answeredAt: 2_000 }],
      discardedAnswerIds: [],
    });
    expect(engine.questionState('quiz-fast')).toMatchObject({ status: 'open', closesAt: 6_000, responses: 1 });
    expect(engine.nextDeadline(2_000)).toBe(6_000);
    // Started again long after the deadline: the first check closes it.
    expect(engine.closeExpired(60_000).length).toBeGreaterThan(0);
    expect(engine.questionState('quiz-fast')).toMatchObject({ status: 'closed', closedAt: 6_000 });
  });
});

describe('what phones learn, and when', () => {
  it('never puts the correct options in a phone view or public results before the quiz is closed and revealed', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.quizLive, 0);
    answer(engine, 'p1', 'quiz-live', 0, 100);
    const view = engine.audienceView('p1');
    expect(view.question).not.toHaveProperty('correct');
    // results: live shows the distribution while open, but not the answer.
    expect(view.results).toMatchObject({ type: 'quiz', responses: 1 });
    expect(JSON.stringify(view)).not.toContain('"correct"');
    expect(engine.publicResults('quiz-live')).not.toHaveProperty('correct');
    expect(engine.results('quiz-live')).not.toHaveProperty('correct');
    engine.control('quiz-live', 'close', 200);
    expect((engine.publicResults('quiz-live') as QuizResults).correct).toEqual([0, 1]);
    expect((engine.audienceView('p1').results as QuizResults).correct).toEqual([0, 1]);
    engine.control('quiz-live', 'hide', 300);
    expect(engine.publicResults('quiz-live')).not.toHaveProperty('correct');
    expect(engine.audienceView('p1').results).toBeNull();
  });

  it('keeps scores at zero until an answer is out, so points cannot give it away', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.quizCapital, 0);
    answer(engine, 'p1', 'quiz-capital', 0, 100);
    expect(engine.audienceView('p1').score).toEqual({ points: 0, rank: null, players: 0, streak: 0, question: null, podium: null });
    expect(engine.quizBoard()).toEqual({ leaderboard: [], podium: null, players: 0, quizzes: 4, settled: 0 });
    engine.control('quiz-capital', 'close', 200);
    expect(engine.audienceView('p1').score).toEqual({
      points: expectedPoints(60, 100),
      rank: 1,
      players: 1,
      streak: 1,
      question: { questionId: 'quiz-capital', outcome: 'right', points: expectedPoints(60, 100), bonus: 0 },
      podium: null,
    });
  });
});

describe('standings', () => {
  function playQuiz(engine: SessionEngine, position: { h: number; v: number }, questionId: string, openAt: number, answers: [string, number, number][]) {
    goTo(engine, position, openAt);
    for (const [participantId, option, after] of answers) answer(engine, participantId, questionId, option, openAt + after);
    engine.control(questionId, 'close', openAt + 60_000);
  }

  it('adds speed points and streak bonuses over the quiz, ranks ties together and shows a podium after the last question', () => {
    const engine = allTypesEngine();
    expect(engine.setNickname('ana', 'Ana').ok).toBe(true);
    expect(engine.setNickname('bo', 'Bo').ok).toBe(true);
    expect(engine.setNickname('cy', 'Cy').ok).toBe(true);
    // ana: right, right, right, right; bo: wrong, right, right, missed; cy: right, right, wrong, right; dee joins late.
    playQuiz(engine, SLIDES.quizCapital, 'quiz-capital', 0, [['ana', 0, 1_000], ['bo', 1, 2_000], ['cy', 0, 30_000]]);
    playQuiz(engine, SLIDES.quizSum, 'quiz-sum', 100_000, [['ana', 1, 6_000], ['bo', 1, 6_000], ['cy', 1, 60_000]]);
    expect(engine.quizBoard()!.podium).toBeNull();
    playQuiz(engine, SLIDES.quizLive, 'quiz-live', 200_000, [['ana', 1, 0], ['bo', 0, 12_000], ['cy', 2, 1], ['dee', 0, 3_000]]);
    goTo(engine, SLIDES.quizFast, 300_000);
    answer(engine, 'ana', 'quiz-fast', 0, 302_500);
    answer(engine, 'cy', 'quiz-fast', 0, 305_000);
    answer(engine, 'dee', 'quiz-fast', 1, 301_000);
    engine.closeExpired(305_000);

    const ana = expectedPoints(60, 1_000) + expectedPoints(60, 6_000) + 100 + expectedPoints(60, 0) + 200 + expectedPoints(5, 2_500) + 300;
    const bo = 0 + expectedPoints(60, 6_000) + expectedPoints(60, 12_000) + 100 + 0;
    const cy = expectedPoints(60, 30_000) + expectedPoints(60, 60_000) + 100 + 0 + expectedPoints(5, 5_000);
    const dee = expectedPoints(60, 3_000) + 0;
    expect([ana, bo, cy, dee]).toEqual([4292, 1950, 1850, 975]);

    const board = engine.quizBoard()!;
    expect(board.leaderboard).toEqual([
      { rank: 1, name: 'Ana', points: ana, rightAnswers: 4 },
      { rank: 2, name: 'Bo', points: bo, rightAnswers: 2 },
      { rank: 3, name: 'Cy', points: cy, rightAnswers: 3 },
      { rank: 4, name: expect.stringMatching(/^Player [0-9A-F]{4}$/), points: dee, rightAnswers: 1 },
    ]);
    expect(board).toMatchObject({ players: 4, quizzes: 4, settled: 4 });
    expect(board.podium).toEqual(board.leaderboard.slice(0, 3));
    expect(engine.displayView(0).quiz).toEqual(board);

    const cyView: AudienceView = engine.audienceView('cy');
    expect(cyView.score).toEqual({
      points: cy,
      rank: 3,
      players: 4,
      streak: 1,
      question: { questionId: 'quiz-fast', outcome: 'right', points: expectedPoints(5, 5_000), bonus: 0 },
      podium: board.podium,
    });
    expect(engine.audienceView('nobody').score!.podium).toEqual(board.podium);
    expect(engine.audienceView('bo').score!.question).toEqual({ questionId: 'quiz-fast', outcome: 'missed', points: 0, bonus: 0 });
    expect(engine.audienceView('dee').score!.question).toMatchObject({ outcome: 'wrong', points: 0 });
    expect(engine.audienceView('nobody').score).toMatchObject({ points: 0, rank: null, players: 4 });
  });

  it('gives equal points the same rank and lists them by name', () => {
    const engine = allTypesEngine();
    engine.setNickname('p1', 'Zed');
    engine.setNickname('p2', 'Amy');
    playQuiz(engine, SLIDES.quizCapital, 'quiz-capital', 0, [['p1', 0, 500], ['p2', 0, 500], ['p3', 2, 100]]);
    expect(engine.quizBoard()!.leaderboard.map(({ rank, name }) => [rank, name])).toEqual([[1, 'Amy'], [1, 'Zed'], [3, expect.stringMatching(/^Player /)]]);
  });

  it('keeps the board after a restart: the same points from the stored answers and nicknames', () => {
    const first = allTypesEngine();
    first.setNickname('ana', 'Ana');
    playQuiz(first, SLIDES.quizCapital, 'quiz-capital', 0, [['ana', 0, 1_500]]);
    const again = allTypesEngine({
      cursor: first.currentCursor(),
      questionStates: Object.values(first.presenterView(0).questions),
      answers: [{ questionId: 'quiz-capital', participantId: 'ana', answerId: 'x', value: { options: [0] }, answeredAt: 1_500 }],
      discardedAnswerIds: [],
      nicknames: [{ participantId: 'ana', nickname: 'Ana' }],
    });
    expect(again.quizBoard()).toEqual(first.quizBoard());
  });
});

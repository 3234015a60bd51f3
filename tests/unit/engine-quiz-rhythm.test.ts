import { describe, expect, it } from 'vitest';
import { QUIZ_ADDED_SECONDS } from '../../protocol/session.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';
import { compileDeck } from '../../slides/compiler/index.ts';
import { TEST_SESSION } from '../support/all-types-deck.ts';

/** Two quiz questions: one with the default read phase (3 s), one read for 5 s, 10 s to answer each. */
const DECK = `# Quiz rhythm

---

## Capital of France?

\`\`\`poll
id: capital
type: quiz
options: [Paris, Lyon]
correct: Paris
time: 10
\`\`\`

---

## Two plus two?

\`\`\`poll
id: sum
type: quiz
options: [Three, Four]
correct: Four
time: 10
read: 5
\`\`\`
`;

function engine(restored?: ConstructorParameters<typeof SessionEngine>[2]): SessionEngine {
  const { deck, problems } = compileDeck(DECK, 'rhythm.md');
  expect(problems).toEqual([]);
  return new SessionEngine(deck, TEST_SESSION, restored);
}

const pick = (questionId: string, answerId: string, option: number) => ({ questionId, answerId, value: { options: [option] } });
const phones = (...ids: string[]) => new Map(ids.map((id) => [id, 1]));

describe('a quiz question’s read phase', () => {
  it('shows the question first: answers open `read` seconds after it opens, and the countdown runs from there', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 10_000);
    expect(quiz.questionState('capital')).toMatchObject({ status: 'open', openedAt: 10_000, answersOpenAt: 13_000, closesAt: 23_000 });
    quiz.goTo({ h: 2, v: 0, f: -1 }, 30_000);
    expect(quiz.questionState('sum')).toMatchObject({ openedAt: 30_000, answersOpenAt: 35_000, closesAt: 45_000 });
  });

  it('refuses an answer while the question is read, with its own code, by the server’s clock', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 10_000);
    expect(quiz.submitAnswer('p1', pick('capital', 'a1', 0), 11_200)).toEqual({
      ok: false,
      code: 'too_early',
      message: 'answers open once the question has been read — in 2 s',
      detail: { reason: 'too_early', seconds: 2 },
    });
    // The refused answer did not count, and its id stays free for the answer that does.
    expect(quiz.questionState('capital')!.responses).toBe(0);
    expect(quiz.submitAnswer('p1', pick('capital', 'a1', 0), 13_000)).toMatchObject({ ok: true, duplicate: false });
  });

  it('the quiz timer fires when answers open (every view goes out again), then at the end of the countdown', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 10_000);
    expect(quiz.nextDeadline(10_000)).toBe(13_000);
    expect(quiz.quizTimeReached(13_000)).toEqual([{ kind: 'views-changed' }]);
    expect(quiz.questionState('capital')!.status).toBe('open');
    expect(quiz.nextDeadline(13_000)).toBe(23_000);
    expect(quiz.quizTimeReached(23_000).map((effect) => effect.kind)).toEqual(['save-question-state', 'results-changed', 'views-changed']);
    expect(quiz.nextDeadline(23_000)).toBeUndefined();
    expect(quiz.quizTimeReached(24_000)).toEqual([]);
  });

  it('counts speed points from when answers opened, not from the read phase', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 10_000);
    quiz.submitAnswer('fast', pick('capital', 'f1', 0), 13_000);
    quiz.submitAnswer('half', pick('capital', 'h1', 0), 18_000);
    quiz.control('capital', 'close', 19_000);
    quiz.control('capital', 'reveal', 19_000);
    expect(quiz.quizScore('fast', 'capital')).toEqual({ outcome: 'right', points: 1000, bonus: 0 });
    expect(quiz.quizScore('half', 'capital')).toEqual({ outcome: 'right', points: 750, bonus: 0 });
  });
});

describe('the presenter adds time or ends the question early', () => {
  it(`add-time: ${QUIZ_ADDED_SECONDS} s more on the running countdown (answers in it score 500); saved with the state`, () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 10_000);
    const added = quiz.control('capital', 'add-time', 20_000);
    expect(added).toMatchObject({ ok: true, question: { closesAt: 33_000 } });
    expect(added.ok && added.effects.map((effect) => effect.kind)).toEqual(['save-question-state', 'views-changed']);
    expect(quiz.nextDeadline(20_000)).toBe(33_000);
    expect(quiz.submitAnswer('late', pick('capital', 'l1', 0), 30_000)).toMatchObject({ ok: true });
    expect(quiz.closeExpired(23_500)).toEqual([]);
    quiz.closeExpired(33_000);
    quiz.control('capital', 'reveal', 34_000);
    expect(quiz.quizScore('late', 'capital')).toEqual({ outcome: 'right', points: 500, bonus: 0 });
  });

  it('add-time is refused on a closed quiz question and on one not opened yet, saying why', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 0);
    quiz.control('capital', 'close', 1_000);
    expect(quiz.control('capital', 'add-time', 2_000)).toMatchObject({ ok: false, code: 'closed' });
    expect(quiz.control('sum', 'add-time', 2_000)).toMatchObject({ ok: false, code: 'closed' });
  });

  it('the added time survives a restart: a stored deadline wins over the deck’s', () => {
    const restored = engine({
      cursor: { h: 1, v: 0, f: -1 },
      questionStates: [{ questionId: 'capital', status: 'open', revealed: false, responses: 0, openedAt: 10_000, closedAt: null, closesAt: 33_000 }],
      answers: [],
      discardedAnswerIds: [],
    });
    expect(restored.questionState('capital')).toMatchObject({ answersOpenAt: 13_000, closesAt: 33_000 });
    const fromDeck = engine({
      cursor: { h: 1, v: 0, f: -1 },
      questionStates: [{ questionId: 'capital', status: 'open', revealed: false, responses: 0, openedAt: 10_000, closedAt: null }],
      answers: [],
      discardedAnswerIds: [],
    });
    expect(fromDeck.questionState('capital')).toMatchObject({ answersOpenAt: 13_000, closesAt: 23_000 });
  });
});

describe('the question closes by itself once every phone in the room has answered', () => {
  it('closes when the last connected phone answers, not before; an empty room closes nothing', () => {
    const quiz = engine();
    quiz.goTo({ h: 1, v: 0, f: -1 }, 0);
    expect(quiz.closeWhenAllAnswered('capital', phones(), 3_500)).toEqual([]);
    quiz.submitAnswer('ana', pick('capital', 'a', 0), 4_000);
    expect(quiz.closeWhenAllAnswered('capital', phones('ana', 'bo'), 4_000)).toEqual([]);
    quiz.submitAnswer('cy', pick('capital', 'c', 1), 4_500);
    // Two answers, two phones connected, but bo (connected) has not answered: cy left after answering.
    expect(quiz.closeWhenAllAnswered('capital', phones('ana', 'bo'), 4_500)).toEqual([]);
    quiz.submitAnswer('bo', pick('capital', 'b', 1), 5_000);
    const effects = quiz.closeWhenAllAnswered('capital', phones('ana', 'bo'), 5_000);
    expect(effects.map((effect) => effect.kind)).toEqual(['save-question-state', 'results-changed', 'views-changed']);
    // after-close: the close reveals, as a countdown reaching zero would.
    expect(quiz.questionState('capital')).toMatchObject({ status: 'closed', closedAt: 5_000, revealed: true });
    expect(quiz.closeWhenAllAnswered('capital', phones('ana', 'bo'), 5_100)).toEqual([]);
  });
});

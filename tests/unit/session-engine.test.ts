import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, type Deck, type Question, type Slide } from '../../protocol/deck.ts';
import type { SessionInfo } from '../../protocol/session.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';

function slide(index: number, h: number, v: number, questionIds: string[] = [], fragments = 0): Slide {
  return { index, position: { h, v }, html: `<h2>S${index}</h2>`, notes: `notes ${index}`, title: `S${index}`, attributes: {}, fragments, questionIds, line: index * 5 + 1 };
}

function choice(id: string, slideIndex: number, extra: Partial<Question> = {}): Question {
  return { id, type: 'choice', question: `Q ${id}`, options: ['A', 'B', 'C'], multiple: false, results: 'live', slideIndex, line: 1, ...extra } as Question;
}

const DECK: Deck = {
  title: 'Test',
  file: 'test.md',
  display: DEFAULT_DISPLAY,
  slides: [slide(0, 0, 0, [], 2), slide(1, 1, 0, ['q1']), slide(2, 1, 1, ['q2']), slide(3, 2, 0, ['q3'])],
  questions: [
    choice('q1', 1),
    choice('q2', 2, { multiple: true, results: 'after-vote' } as Partial<Question>),
    choice('q3', 3, { results: 'after-close' } as Partial<Question>),
  ],
};
const SESSION: SessionInfo = { id: 's1', joinCode: 'ABCDEF', deckTitle: 'Test', startedAt: 0 };

function engine() {
  return new SessionEngine(DECK, SESSION);
}

const submit = (questionId: string, answerId: string, options: number[]) => ({ questionId, answerId, value: { options } });

describe('SessionEngine: moving through the talk', () => {
  it('starts on the first slide with every question pending', () => {
    const e = engine();
    expect(e.currentCursor()).toEqual({ h: 0, v: 0, f: -1 });
    expect(e.questionState('q1')).toMatchObject({ status: 'pending', responses: 0, revealed: true });
    expect(e.questionState('q3')!.revealed).toBe(false);
  });

  it('opens a question when its slide is reached, and saves cursor and state', () => {
    const e = engine();
    const moved = e.goTo({ h: 1, v: 0, f: -1 }, 1000);
    expect(moved.ok && moved.effects.map((effect) => effect.kind)).toEqual(['save-cursor', 'save-question-state', 'views-changed']);
    expect(e.questionState('q1')).toMatchObject({ status: 'open', openedAt: 1000 });
  });

  it('clamps fragment steps to the slide and ignores a move to where it already is', () => {
    const e = engine();
    const moved = e.goTo({ h: 0, v: 0, f: 9 }, 0);
    expect(moved.ok && moved.cursor).toEqual({ h: 0, v: 0, f: 1 });
    const again = e.goTo({ h: 0, v: 0, f: 1 }, 0);
    expect(again.ok && again.effects).toEqual([]);
  });

  it('refuses a slide that does not exist', () => {
    expect(engine().goTo({ h: 7, v: 0, f: -1 }, 0)).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine().goTo({ h: 1, v: 5, f: -1 }, 0)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('does not reopen a question the presenter closed when its slide is reached again', () => {
    const e = engine();
    e.goTo({ h: 1, v: 0, f: -1 }, 0);
    e.control('q1', 'close', 5);
    e.goTo({ h: 0, v: 0, f: -1 }, 6);
    e.goTo({ h: 1, v: 0, f: -1 }, 7);
    expect(e.questionState('q1')!.status).toBe('closed');
  });
});

describe('SessionEngine: answers', () => {
  it('counts one answer per participant and lets it change while open', () => {
    const e = engine();
    e.goTo({ h: 1, v: 0, f: -1 }, 0);
    expect(e.submitAnswer('p1', submit('q1', 'a1', [0]), 1)).toMatchObject({ ok: true, duplicate: false });
    e.submitAnswer('p2', submit('q1', 'a2', [0]), 2);
    e.submitAnswer('p1', submit('q1', 'a3', [2]), 3);
    const results = e.results('q1')!;
    expect(results.responses).toBe(2);
    expect(results.type === 'choice' && results.options.map((o) => [o.count, o.percent])).toEqual([[1, 50], [0, 0], [1, 50]]);
  });

  it('counts a re-sent answer id once, even after the answer changed', () => {
    const e = engine();
    e.goTo({ h: 1, v: 0, f: -1 }, 0);
    const first = e.submitAnswer('p1', submit('q1', 'a1', [0]), 1);
    expect(first.ok && [...first.records, ...first.effects].map((item) => item.kind)).toEqual(['answer', 'results-changed']);
    const resent = e.submitAnswer('p1', submit('q1', 'a1', [0]), 2);
    expect(resent).toMatchObject({ ok: true, duplicate: true, effects: [] });
    e.submitAnswer('p1', submit('q1', 'a2', [1]), 3);
    const late = e.submitAnswer('p1', submit('q1', 'a1', [0]), 4);
    expect(late).toMatchObject({ ok: true, duplicate: true, answer: { answerId: 'a2', value: { options: [1] } } });
    expect(e.ownAnswer('q1', 'p1')!.value).toEqual({ options: [1] });
  });

  it('refuses another participant reusing an answer id', () => {
    const e = engine();
    e.goTo({ h: 1, v: 0, f: -1 }, 0);
    e.submitAnswer('p1', submit('q1', 'a1', [0]), 1);
    expect(e.submitAnswer('p2', submit('q1', 'a1', [1]), 2)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('refuses answers to pending, closed and unknown questions, and answers that do not fit', () => {
    const e = engine();
    expect(e.submitAnswer('p1', submit('q1', 'a1', [0]), 1)).toMatchObject({ ok: false, code: 'closed' });
    e.goTo({ h: 1, v: 0, f: -1 }, 0);
    expect(e.submitAnswer('p1', submit('zz', 'a2', [0]), 1)).toMatchObject({ ok: false, code: 'not_found' });
    expect(e.submitAnswer('p1', submit('q1', 'a3', [3]), 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(e.submitAnswer('p1', submit('q1', 'a4', [0, 1]), 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(e.submitAnswer('p1', { questionId: 'q1', answerId: 'a5', value: { text: 'A' } }, 1)).toMatchObject({ ok: false, code: 'bad_request' });
    e.control('q1', 'close', 2);
    expect(e.submitAnswer('p1', submit('q1', 'a6', [0]), 3)).toMatchObject({ ok: false, code: 'closed' });
    expect(e.results('q1')!.responses).toBe(0);
  });

  it('takes several options for multiple choice, sorted, without repeats', () => {
    const e = engine();
    e.goTo({ h: 1, v: 1, f: -1 }, 0);
    expect(e.submitAnswer('p1', submit('q2', 'a1', [2, 0]), 1)).toMatchObject({ ok: true, answer: { value: { options: [0, 2] } } });
    expect(e.submitAnswer('p2', submit('q2', 'a2', [1, 1]), 1)).toMatchObject({ ok: false, code: 'bad_request' });
    const results = e.results('q2')!;
    expect(results.type === 'choice' && results.options.map((o) => o.percent)).toEqual([100, 0, 100]);
  });
});

describe('SessionEngine: presenter controls', () => {
  it('close, reopen, reveal, hide and reset, each idempotent', () => {
    const e = engine();
    e.goTo({ h: 2, v: 0, f: -1 }, 0);
    e.submitAnswer('p1', submit('q3', 'a1', [1]), 1);
    const closed = e.control('q3', 'close', 10);
    expect(closed).toMatchObject({ ok: true, question: { status: 'closed', closedAt: 10, revealed: true } });
    const closedAgain = e.control('q3', 'close', 11);
    expect(closedAgain.ok && closedAgain.effects).toEqual([]);
    expect(e.control('q3', 'hide', 12)).toMatchObject({ question: { revealed: false } });
    expect(e.control('q3', 'reveal', 13)).toMatchObject({ question: { revealed: true } });
    expect(e.control('q3', 'reopen', 14)).toMatchObject({ question: { status: 'open', openedAt: 14, closedAt: null } });
    const reset = e.control('q3', 'reset', 15);
    expect(reset.ok && reset.effects.map((effect) => effect.kind)).toEqual(['save-question-state', 'discard-answers', 'results-changed', 'views-changed']);
    expect(reset).toMatchObject({ question: { status: 'open', responses: 0, revealed: false } });
    // A late re-send of a discarded answer is acknowledged but not counted again.
    expect(e.submitAnswer('p1', submit('q3', 'a1', [1]), 16)).toMatchObject({ ok: true, duplicate: true });
    expect(e.results('q3')!.responses).toBe(0);
  });

  it('refuses an unknown question', () => {
    expect(engine().control('nope', 'close', 0)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('SessionEngine: views', () => {
  it('gives the presenter notes and all results, the display neither notes nor unrevealed results', () => {
    const e = engine();
    e.goTo({ h: 2, v: 0, f: -1 }, 0);
    e.submitAnswer('p1', submit('q3', 'a1', [1]), 1);
    const presenter = e.presenterView(3);
    expect(presenter.notes[1]).toBe('notes 1');
    expect(presenter.results.q3!.responses).toBe(1);
    expect(presenter.participants).toBe(3);
    const display = e.displayView(3);
    expect(JSON.stringify(display)).not.toContain('notes 1');
    expect(display.results.q3).toBeUndefined();
    expect(display.results.q1).toBeDefined();
  });

  it('shows phones the open question of the current slide, their own answer, and results only when allowed', () => {
    const e = engine();
    expect(e.audienceView('p1')).toMatchObject({ slideTitle: 'S0', question: null, results: null });
    e.goTo({ h: 1, v: 1, f: -1 }, 0);
    expect(e.audienceView('p1')).toMatchObject({ question: { id: 'q2' }, results: null, ownAnswer: null });
    e.submitAnswer('p1', submit('q2', 'a1', [1]), 1);
    expect(e.audienceView('p1')).toMatchObject({ ownAnswer: { answerId: 'a1' }, results: { responses: 1 } });
    expect(e.audienceView('p2').results).toBeNull();
    e.control('q2', 'close', 2);
    expect(e.audienceView('p2').results).not.toBeNull();
  });
});

describe('SessionEngine: restoring after a restart', () => {
  it('picks up the cursor, states and latest answers, and still knows every answer id', () => {
    const e = new SessionEngine(DECK, SESSION, {
      cursor: { h: 1, v: 0, f: -1 },
      questionStates: [{ questionId: 'q1', status: 'open', revealed: true, responses: 0, openedAt: 5, closedAt: null }],
      answers: [
        { questionId: 'q1', participantId: 'p1', answerId: 'a1', value: { options: [0] }, answeredAt: 6 },
        { questionId: 'q1', participantId: 'p1', answerId: 'a2', value: { options: [2] }, answeredAt: 7 },
        { questionId: 'q1', participantId: 'p2', answerId: 'a3', value: { options: [2] }, answeredAt: 8 },
      ],
      discardedAnswerIds: ['old'],
    });
    expect(e.currentCursor()).toEqual({ h: 1, v: 0, f: -1 });
    expect(e.questionState('q1')).toMatchObject({ status: 'open', responses: 2 });
    const results = e.results('q1')!;
    expect(results.type === 'choice' && results.options.map((o) => o.count)).toEqual([0, 0, 2]);
    expect(e.submitAnswer('p1', submit('q1', 'a1', [0]), 9)).toMatchObject({ duplicate: true });
    expect(e.submitAnswer('p3', submit('q1', 'old', [0]), 9)).toMatchObject({ duplicate: true });
    expect(e.results('q1')!.responses).toBe(2);
  });
});

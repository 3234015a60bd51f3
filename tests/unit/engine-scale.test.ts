import { describe, expect, it } from 'vitest';
import { allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

const rate = (answerId: string, value: number) => ({ questionId: 'scale-sure', answerId, value: { value } });

describe('scale questions', () => {
  it('counts each value from min to max and averages the latest answer of each phone', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.scale);
    expect(engine.results('scale-sure')).toMatchObject({ responses: 0, average: null });
    engine.submitAnswer('p1', rate('a1', 5), 1);
    engine.submitAnswer('p2', rate('a2', 2), 2);
    engine.submitAnswer('p3', rate('a3', 2), 3);
    engine.submitAnswer('p1', rate('a4', 4), 4); // p1 changes its mind
    expect(engine.results('scale-sure')).toEqual({
      type: 'scale',
      questionId: 'scale-sure',
      responses: 3,
      options: [
        { option: '1', count: 0, percent: 0 },
        { option: '2', count: 2, percent: 67 },
        { option: '3', count: 0, percent: 0 },
        { option: '4', count: 1, percent: 33 },
        { option: '5', count: 0, percent: 0 },
      ],
      average: 2.67,
    });
  });

  it('refuses values off the scale, fractions and answers of another shape', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.scale);
    for (const value of [0, 6, 2.5, -1]) {
      expect(engine.submitAnswer('p1', rate(`bad-${value}`, value), 1)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect(engine.submitAnswer('p1', { questionId: 'scale-sure', answerId: 'x1', value: { options: [1] } }, 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p1', { questionId: 'scale-sure', answerId: 'x2', value: { text: '3' } }, 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.results('scale-sure')!.responses).toBe(0);
  });
});

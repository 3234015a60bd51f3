import { describe, expect, it } from 'vitest';
import { checkOptionsAnswer, optionPicks, tallyOptions } from '../../server/engine/question-types/tally-options.ts';
import type { StoredAnswer } from '../../server/store/records.ts';

const answer = (value: StoredAnswer['value']): StoredAnswer => ({ questionId: 'q', participantId: 'p', answerId: 'a', value, answeredAt: 0 });

describe('tallyOptions', () => {
  it('counts each pick and gives percentages of the people who answered', () => {
    const answers = [answer({ options: [0] }), answer({ options: [0, 2] }), answer({ options: [2] }), answer({ options: [1] })];
    expect(tallyOptions(['A', 'B', 'C'], answers, optionPicks)).toEqual({
      responses: 4,
      options: [
        { option: 'A', count: 2, percent: 50 },
        { option: 'B', count: 1, percent: 25 },
        { option: 'C', count: 2, percent: 50 },
      ],
    });
  });

  it('counts an answer of another shape as a response that picked nothing, and leaves out indices the options lack', () => {
    const answers = [answer({ text: 'hello' }), answer({ options: [5] }), answer({ options: [1] })];
    expect(tallyOptions(['A', 'B'], answers, optionPicks)).toEqual({
      responses: 3,
      options: [
        { option: 'A', count: 0, percent: 0 },
        { option: 'B', count: 1, percent: 33 },
      ],
    });
  });

  it('gives zero percent, not NaN, before anyone answers', () => {
    expect(tallyOptions(['A'], [], optionPicks)).toEqual({ responses: 0, options: [{ option: 'A', count: 0, percent: 0 }] });
  });
});

describe('checkOptionsAnswer', () => {
  it('keeps a single valid pick as it came (already canonical)', () => {
    const answer = { options: [1] };
    const checked = checkOptionsAnswer(answer, 3, false);
    expect(checked).toEqual({ ok: true, value: { options: [1] } });
    expect(checked.ok && checked.value).toBe(answer);
  });

  it('sorts several picks of a multiple-choice question into a new array', () => {
    const answer = { options: [2, 0] };
    const checked = checkOptionsAnswer(answer, 3, true);
    expect(checked).toEqual({ ok: true, value: { options: [0, 2] } });
    expect(answer).toEqual({ options: [2, 0] });
  });

  it('refuses what a question cannot take, and says what to fix', () => {
    expect(checkOptionsAnswer({ options: [] }, 3, true)).toEqual({ ok: false, message: 'pick at least one option' });
    expect(checkOptionsAnswer({ options: [0, 1] }, 3, false)).toEqual({ ok: false, message: 'this question takes one option only' });
    expect(checkOptionsAnswer({ options: [1, 1] }, 3, true)).toEqual({ ok: false, message: 'an option is picked twice' });
    expect(checkOptionsAnswer({ options: [3] }, 3, false)).toEqual({
      ok: false,
      message: 'option 3 does not exist (the question has 3 options, numbered from 0)',
    });
    expect(checkOptionsAnswer({ options: [0.5] }, 3, false)).toMatchObject({ ok: false });
  });
});

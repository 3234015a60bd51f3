import { describe, expect, it } from 'vitest';
import { measureMessage } from '../../server/live/frame-measure.ts';

/** An array nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe('measuring a message without recursion', () => {
  it('takes every real payload', () => {
    expect(measureMessage([{ questionId: 'pick-one', answerId: 'answer-0123456789', value: { options: [0, 2] } }], 16_384, 8)).toEqual({ ok: true });
    expect(measureMessage([{ nickname: 'Ada Lovelace' }], 16_384, 8)).toEqual({ ok: true });
  });

  it('refuses nesting past the limit, however deep, without overflowing the stack', () => {
    expect(measureMessage([nested(8)], 16_384, 8)).toEqual({ ok: true });
    expect(measureMessage([nested(9)], 16_384, 8)).toEqual({ ok: false, reason: 'depth' });
    expect(measureMessage([nested(1_000_000)], 16_384, 8)).toEqual({ ok: false, reason: 'depth' });
    expect(measureMessage([{ value: { options: [nested(20)] } }], 16_384, 8)).toEqual({ ok: false, reason: 'depth' });
  });

  it('refuses size past the limit as soon as it is passed: long strings, many keys, long arrays', () => {
    expect(measureMessage([{ text: 'x'.repeat(20_000) }], 16_384, 8)).toEqual({ ok: false, reason: 'size' });
    expect(measureMessage([Object.fromEntries(Array.from({ length: 5000 }, (_, n) => [`k${n}`, n]))], 16_384, 8)).toEqual({ ok: false, reason: 'size' });
    expect(measureMessage([new Array(10_000_000).fill(0)], 16_384, 8)).toEqual({ ok: false, reason: 'size' });
    expect(measureMessage([new Uint8Array(20_000)], 16_384, 8)).toEqual({ ok: false, reason: 'size' });
  });
});

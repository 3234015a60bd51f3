import { describe, expect, it } from 'vitest';
import { answerSubmitSchema } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { readAnswerSubmit } from '../../server/live/answer-fast-path.ts';
import { measureMessage } from '../../server/live/frame-measure.ts';

const good = { questionId: 'pick-one', answerId: 'answer-0123456789', value: { options: [0, 2] } };

/** Values a hostile or broken client might put anywhere. */
const ODD: unknown[] = [
  undefined, null, true, 0, -0, -1, 1.5, 50, 51, NaN, Infinity, '', 'x', 'x'.repeat(65), 'x'.repeat(1001), 'ok-id-123', 'bad id!!',
  [], [0], [0, 0], [-1], [1.5], ['1'], new Array(51).fill(0), {}, { options: [1] }, { value: 3 }, { text: 'hi' }, { options: [1], extra: 1 },
  JSON.parse('{"__proto__": {"x": 1}}'), Object.create(null), new Uint8Array(2), () => 1,
];

/** Every payload a few mutations away from a good one. */
function* variants(): Generator<unknown> {
  yield good;
  yield { ...good, value: { value: 3.5 } };
  yield { ...good, value: { text: 'a word' } };
  for (const odd of ODD) {
    yield odd;
    yield { ...good, questionId: odd };
    yield { ...good, answerId: odd };
    yield { ...good, value: odd };
    yield { ...good, value: { options: odd } };
    yield { ...good, value: { value: odd } };
    yield { ...good, value: { text: odd } };
    yield { ...good, extra: odd };
    yield { questionId: good.questionId, answerId: good.answerId };
    yield Object.assign(Object.create({ inherited: odd }) as object, good);
  }
}

describe("the answer payload's quick reading", () => {
  it('reads the answers phones send exactly as the schema does', () => {
    for (const payload of [good, { ...good, value: { value: -2 } }, { ...good, value: { text: '' } }]) {
      expect(readAnswerSubmit(payload)).toEqual(answerSubmitSchema.parse(payload));
    }
  });

  it('never accepts what the schema refuses, and gives what the schema gives when it accepts', () => {
    let read = 0;
    for (const payload of variants()) {
      const quick = readAnswerSubmit(payload);
      if (quick === undefined) continue;
      read += 1;
      const parsed = answerSubmitSchema.safeParse(payload);
      expect(parsed.success, JSON.stringify(payload)).toBe(true);
      expect(quick).toEqual(parsed.data);
    }
    expect(read).toBeGreaterThan(10);
  });

  it('leaves to the schema a payload with any key it does not know, or a value that is not plain data', () => {
    expect(readAnswerSubmit({ ...good, extra: 1 })).toBeUndefined();
    expect(readAnswerSubmit({ ...good, value: { options: [1], text: 'x' } })).toBeUndefined();
    expect(readAnswerSubmit(JSON.parse('{"questionId":"q","answerId":"answer-0123456789","value":{"options":[1]},"__proto__":{}}'))).toBeUndefined();
    expect(readAnswerSubmit({ ...good, value: { options: new Uint8Array([1]) } })).toBeUndefined();
  });

  // The guard measures only what the quick reading leaves to the schema: what it accepts must be within the limits.
  it('accepts only payloads within the size and nesting limits, the largest it takes included', () => {
    const id = 'a'.repeat(LIMITS.idMaxLength);
    const questionId = 'q'.repeat(LIMITS.questionIdMaxLength);
    const largest = [
      { questionId, answerId: id, value: { options: Array.from({ length: LIMITS.maxOptionsPerAnswer }, () => LIMITS.maxOptionsPerAnswer) } },
      { questionId, answerId: id, value: { text: '\u{1F600}'.repeat(LIMITS.textMaxLength / 2) } },
      { questionId, answerId: id, value: { value: -Number.MAX_VALUE } },
    ];
    for (const payload of largest) {
      expect(readAnswerSubmit(payload), JSON.stringify(payload).slice(0, 80)).toBeDefined();
      expect(measureMessage([payload], LIMITS.maxPacketBytes, LIMITS.maxNestingDepth)).toEqual({ ok: true });
    }
    // One step past a limit, it leaves the payload to the measure and the schema.
    expect(readAnswerSubmit({ ...largest[1], value: { text: 'x'.repeat(LIMITS.textMaxLength + 1) } })).toBeUndefined();
    expect(readAnswerSubmit({ ...largest[0], value: { options: new Array(LIMITS.maxOptionsPerAnswer + 1).fill(0) } })).toBeUndefined();
  });
});

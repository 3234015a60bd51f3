import type { OptionTally } from '../../../protocol/session.ts';
import type { StoredAnswer } from '../../store/records.ts';

/** The option indices an answer picked (an answer of another shape picks nothing). */
export function optionPicks(answer: StoredAnswer): readonly number[] {
  return 'options' in answer.value ? answer.value.options : NO_PICKS;
}

const NO_PICKS: readonly number[] = Object.freeze([]);

/**
 * Counts option picks; percentages are of the people who answered, so multiple choice can pass 100 in sum.
 * Plain indexed loops over the answers, no intermediate arrays: it runs for every results update
 * (up to 20 a second) over every answer so far.
 */
export function tallyOptions<A>(
  labels: readonly string[],
  answers: readonly A[],
  picksOf: (answer: A) => readonly number[],
): { responses: number; options: OptionTally[] } {
  const counts = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < answers.length; i += 1) {
    const picked = picksOf(answers[i]!);
    for (let j = 0; j < picked.length; j += 1) {
      const index = picked[j]!;
      // Only checked picks are counted: an index the options do not have is left out.
      if (index >= 0 && index < counts.length) counts[index]! += 1;
    }
  }
  const responses = answers.length;
  return {
    responses,
    options: labels.map((option, index) => ({
      option,
      count: counts[index]!,
      percent: responses === 0 ? 0 : Math.round((counts[index]! / responses) * 100),
    })),
  };
}

/**
 * Checks an options answer: picked indices in range, no repeats, one unless several are
 * allowed. The answer to count is the one given when it is already in canonical form (one
 * pick, nearly every answer of a burst: checked without the set and the sort below), else
 * its picks sorted.
 */
export function checkOptionsAnswer(
  answer: { options: number[] },
  optionCount: number,
  multiple: boolean,
): { ok: true; value: { options: number[] } } | { ok: false; message: string } {
  const picked = answer.options;
  if (picked.length === 0) return { ok: false, message: 'pick at least one option' };
  if (!multiple && picked.length > 1) return { ok: false, message: 'this question takes one option only' };
  if (picked.length === 1) {
    const index = picked[0]!;
    if (Number.isInteger(index) && index >= 0 && index < optionCount) return { ok: true, value: answer };
  }
  const unique = [...new Set(picked)].sort((a, b) => a - b);
  if (unique.length !== picked.length) return { ok: false, message: 'an option is picked twice' };
  const outside = unique.find((index) => !Number.isInteger(index) || index < 0 || index >= optionCount);
  if (outside !== undefined) {
    return { ok: false, message: `option ${outside} does not exist (the question has ${optionCount} options, numbered from 0)` };
  }
  return { ok: true, value: { options: unique } };
}

import type { OptionTally } from '../../../protocol/session.ts';
import type { StoredAnswer } from '../../store/records.ts';

/** The option indices of each answer (answers of another shape pick nothing). */
export function optionPicks(answers: readonly StoredAnswer[]): number[][] {
  return answers.map((answer) => ('options' in answer.value ? answer.value.options : []));
}

/** Counts option picks; percentages are of the people who answered, so multiple choice can pass 100 in sum. */
export function tallyOptions(labels: readonly string[], picks: Iterable<readonly number[]>): { responses: number; options: OptionTally[] } {
  const counts = labels.map(() => 0);
  let responses = 0;
  for (const picked of picks) {
    responses += 1;
    for (const index of picked) counts[index] = (counts[index] ?? 0) + 1;
  }
  return {
    responses,
    options: labels.map((option, index) => ({
      option,
      count: counts[index]!,
      percent: responses === 0 ? 0 : Math.round((counts[index]! / responses) * 100),
    })),
  };
}

/** Validates picked option indices: in range, no repeats, one unless several are allowed. */
export function checkOptionPicks(
  picked: readonly number[],
  optionCount: number,
  multiple: boolean,
): { ok: true; picked: number[] } | { ok: false; message: string } {
  if (picked.length === 0) return { ok: false, message: 'pick at least one option' };
  if (!multiple && picked.length > 1) return { ok: false, message: 'this question takes one option only' };
  // One pick, nearly every answer of a burst: checked without the set and the sort below.
  if (picked.length === 1) {
    const index = picked[0]!;
    if (Number.isInteger(index) && index >= 0 && index < optionCount) return { ok: true, picked: [index] };
  }
  const unique = [...new Set(picked)].sort((a, b) => a - b);
  if (unique.length !== picked.length) return { ok: false, message: 'an option is picked twice' };
  const outside = unique.find((index) => !Number.isInteger(index) || index < 0 || index >= optionCount);
  if (outside !== undefined) {
    return { ok: false, message: `option ${outside} does not exist (the question has ${optionCount} options, numbered from 0)` };
  }
  return { ok: true, picked: unique };
}

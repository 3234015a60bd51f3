/**
 * Rules that involve more than one field of a poll block. They run on values the schema
 * has already accepted, so each rule can trust its inputs' shapes.
 */
import { MAX_SCALE_SPAN } from './question-schema.ts';
import { quote } from './text.ts';

export interface FieldProblem {
  /** The YAML field the presenter should look at. */
  field: string;
  message: string;
}

export function checkScaleRange(min: number, max: number): FieldProblem[] {
  if (min >= max) return [{ field: 'min', message: `scale min (${min}) must be less than max (${max})` }];
  if (max - min > MAX_SCALE_SPAN) {
    return [
      {
        field: 'max',
        message: `scale max - min must be at most ${MAX_SCALE_SPAN} (here ${max} - ${min} = ${max - min})`,
      },
    ];
  }
  return [];
}

/**
 * Maps each correct answer to its option's index. Matching ignores case, since options
 * are already unique ignoring case; a bare number is most likely an option's position,
 * so the message says to write the text instead.
 */
export function resolveCorrectAnswers(
  answers: readonly string[],
  options: readonly string[],
): { indices: number[]; problems: FieldProblem[] } {
  const lowerOptions = options.map((option) => option.toLowerCase());
  const indices = new Set<number>();
  const problems: FieldProblem[] = [];
  for (const answer of answers) {
    const index = lowerOptions.indexOf(answer.toLowerCase());
    if (index >= 0) {
      indices.add(index);
      continue;
    }
    const position = /^\d+$/.test(answer) ? Number(answer) : 0;
    const hint =
      position >= 1 && position <= options.length
        ? ` — write the option's text, e.g. correct: ${options[position - 1]}`
        : '';
    problems.push({
      field: 'correct',
      message: `quiz correct answer ${quote(answer)} is not one of the options: ${options.map((option) => quote(option)).join(', ')}${hint}`,
    });
  }
  return { indices: [...indices].sort((a, b) => a - b), problems };
}

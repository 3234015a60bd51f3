/**
 * Problems found while compiling, before they are tied to a file. Every part of the
 * compiler reports `{ line, message }` with the line in the DECK FILE; index.ts adds the
 * file name once, so no module has to carry it around.
 */
export interface LineProblem {
  line: number;
  message: string;
}

/** Sorts by line; problems on the same line keep the order they were found in. */
export function sortByLine<T extends LineProblem>(problems: readonly T[]): T[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => a.problem.line - b.problem.line || a.order - b.order)
    .map(({ problem }) => problem);
}

import { existsSync } from 'node:fs';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { formatProblem } from '../../protocol/deck.ts';

export interface CheckOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `handsup check FILE…`: 0 when every deck is valid, 1 with `file:line: message` lines otherwise. */
export function checkDecks(files: string[], output: CheckOutput): number {
  if (files.length === 0) {
    output.err('handsup check: name at least one deck, e.g. `handsup check slides/talks/my-talk.md`');
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      output.err(`${file}:1: file not found — check the path`);
      failed += 1;
      continue;
    }
    const { deck, problems, warnings } = compileDeckFile(file);
    // Warnings (reveal.js options handsup ignores) never fail the check.
    for (const warning of warnings) output.err(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
    if (problems.length === 0) {
      output.out(`${file}: ok (${deck.slides.length} slides, ${deck.questions.length} questions)`);
    } else {
      for (const problem of problems) output.err(formatProblem(problem));
      failed += 1;
    }
  }
  return failed === 0 ? 0 : 1;
}

import { existsSync } from 'node:fs';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { formatProblem, formatWarning } from '../../protocol/deck.ts';

export interface CheckOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `handsup check FILE…`: 0 when every deck is valid, 1 with `file:line: message` lines otherwise. */
export function checkDecks(files: string[], output: CheckOutput): number {
  if (files.length === 0) {
    output.err('handsup: name at least one deck to check, e.g. `handsup check slides/talks/my-talk.md`');
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
    for (const warning of warnings) output.err(formatWarning(warning));
    if (problems.length === 0) {
      output.out(`${file}: ok (${deck.slides.length} slides, ${deck.questions.length} questions)`);
    } else {
      for (const problem of problems) output.err(formatProblem(problem));
      failed += 1;
    }
  }
  if (failed === 0) return 0;
  output.err(`handsup: ${failed} of ${files.length} deck(s) have problems — fix the lines above and check again`);
  return 1;
}

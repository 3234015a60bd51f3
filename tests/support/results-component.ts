import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { ROOT } from './server-process.ts';

export const RESULTS_DIR = join(ROOT, 'slides/shared/results');

/** The shared results component bundled on its own, as a script that sets window.handsupResults. */
export async function bundleResultsComponent(): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(RESULTS_DIR, 'render-results.ts'), formats: ['iife'], name: 'handsupResults' },
    },
  });
  const outputs = (Array.isArray(built) ? built : [built]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the results component did not bundle');
  return chunk.code;
}

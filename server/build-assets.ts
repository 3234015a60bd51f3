import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, PACKAGE_ROOT } from './paths.ts';
import { PAGES } from '../protocol/routes.ts';

/** True when every page the server needs has been built. */
export function assetsAreBuilt(distDir = DIST_DIR): boolean {
  return PAGES.every((page) => existsSync(join(distDir, page.html)));
}

/** Runs the production Vite build of the pages (the same as `npm run build`). */
export async function buildAssets(log: (line: string) => void): Promise<void> {
  log('handsup: building the pages (first start only)…');
  const { build } = await import('vite');
  await build({ root: PACKAGE_ROOT, configFile: join(PACKAGE_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log('handsup: pages built.');
}

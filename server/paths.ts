import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The installed package's root folder, wherever handsup is run from. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where `vite build` puts the pages the server serves. */
export const DIST_DIR = join(PACKAGE_ROOT, 'dist');

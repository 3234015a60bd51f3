import { findChromium, INSTALL_HINT } from '../../server/browser/find-chromium.ts';
import { installDebianPackages } from './ensure-system-tools.ts';

/**
 * The browser tests need Chromium. Found: use it. Missing, and root on Debian: install
 * Debian's package. Otherwise fail with what to install; never skip silently.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist. ${INSTALL_HINT}`);
  }
  installDebianPackages(['chromium'], 'Chromium not found', log);
  const installed = findChromium();
  if (installed) return installed;
  throw new Error(`The browser tests need Chromium and none was found. ${INSTALL_HINT}`);
}

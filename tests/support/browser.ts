import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../server/browser/find-chromium.ts';
import { ROOT } from './server-process.ts';

export const ARTIFACTS_DIR = join(ROOT, 'tests', 'artifacts');

/** Debian's Chromium through playwright-core (the global setup made sure there is one). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium for the browser tests. ${INSTALL_HINT}`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.ts';
import { ensureSystemTools, HAPROXY, PDFTOPPM, REDIS } from './ensure-system-tools.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Once per test run: fresh production pages, the compiled CLI up to date with the sources
 * (the tests run `bin/handsup.mjs` as users do; compiled here once rather than by the first
 * of several CLIs started at the same moment), a Chromium for the browser tests, and the
 * system programs the others run (Redis and HAProxy for scale-out, pdftoppm to look at PDF pages).
 */
export default function setup(): void {
  process.env.CHROME_PATH = ensureChromium();
  ensureSystemTools([REDIS, HAPROXY, PDFTOPPM]);
  execFileSync(process.execPath, ['bin/compiled-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which makes Vite resolve packages' "development" builds
    // (socket.io-parser's pulls in `debug`): test exactly what `npm run build` ships.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

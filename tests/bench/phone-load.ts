/**
 * How long a phone on a slow 3G link waits from opening the QR code's link to a question
 * it can tap: Chromium emulating 400 ms round trips and 400 kbit/s down (50,000 bytes/s,
 * the same up), cache off, a fresh browser context per run. The presenter has a question
 * on the current slide first. Median of 5 runs; target ≤ 3 s.
 *
 *   npx tsx tests/bench/phone-load.ts
 *
 * It builds the pages (production) first, then runs a real `handsup start`.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { LIVE_DECK, newPhone, Presenter, SLIDE } from '../browser/audience-phone.ts';
import { launchBrowser } from '../support/browser.ts';
import { ensureChromium } from '../support/ensure-chromium.ts';
import { ROOT, startServer } from '../support/server-process.ts';

const RUNS = 5;
const TARGET_MS = 3000;
const SLOW_3G = {
  offline: false,
  latency: 400, // ms added to every round trip
  downloadThroughput: 50_000, // bytes/s = 400 kbit/s
  uploadThroughput: 50_000,
  connectionType: 'cellular3g',
} as const;

interface Run {
  /** Navigation start → the first option button is on screen and enabled. */
  tappableMs: number;
  /** Navigation start → the page's HTML was in. */
  htmlMs: number;
  /** Navigation start → the WebSocket's handshake was answered. */
  socketMs: number | null;
  /** Bytes over the wire, as Chromium's resource timing reports them (HTML, JS, CSS, deck.json). */
  transferBytes: number;
}

async function measure(page: Page): Promise<Omit<Run, 'socketMs'>> {
  const tappable = await page.waitForFunction(
    () => {
      const button = document.querySelector<HTMLButtonElement>('.question-screen button.option');
      if (!button || button.disabled) return false;
      const box = button.getBoundingClientRect();
      return box.height > 0 && box.top < innerHeight ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const tappableMs = (await tappable.jsonValue()) as number;
  return page.evaluate((tappableMs) => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      tappableMs,
      htmlMs: navigation.responseEnd,
      transferBytes: navigation.transferSize + resources.reduce((sum, entry) => sum + entry.transferSize, 0),
    };
  }, tappableMs);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  process.env.CHROME_PATH = ensureChromium();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const server = await startServer({ deck: LIVE_DECK });
  const presenter = await Presenter.connect(server);
  const browser = await launchBrowser();
  try {
    await presenter.goTo(SLIDE.pickOne);
    const joinCode = ((await (await fetch(`${server.url}/healthz`)).json()) as { joinCode: string }).joinCode;
    const runs: Run[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const { context, page } = await newPhone(browser);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      // CDP timestamps are seconds on Chromium's monotonic clock; the page's navigation start on it is the document request's.
      let documentRequestAt: number | undefined;
      let socketAnsweredAt: number | undefined;
      cdp.on('Network.requestWillBeSent', (event) => {
        if (event.type === 'Document' && documentRequestAt === undefined) documentRequestAt = event.timestamp;
      });
      cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
        socketAnsweredAt ??= event.timestamp;
      });
      await page.goto(`${server.url}/j/${joinCode}`, { waitUntil: 'commit' });
      const measured = await measure(page);
      const socketMs =
        documentRequestAt !== undefined && socketAnsweredAt !== undefined ? (socketAnsweredAt - documentRequestAt) * 1000 : null;
      runs.push({ ...measured, socketMs });
      console.log(
        `run ${run}: tappable ${measured.tappableMs.toFixed(0)} ms (HTML in ${measured.htmlMs.toFixed(0)} ms, ` +
          `socket open ${socketMs === null ? 'n/a' : `${socketMs.toFixed(0)} ms`}, ${(measured.transferBytes / 1024).toFixed(1)} KB transferred)`,
      );
      await context.close();
    }
    const result = median(runs.map((run) => run.tappableMs));
    console.log(
      `phone load on slow 3G (400 ms RTT, 400 kbit/s): median ${(result / 1000).toFixed(2)} s over ${RUNS} runs ` +
        `(target ≤ ${TARGET_MS / 1000} s): ${result <= TARGET_MS ? 'within target' : 'OVER TARGET'}`,
    );
    if (result > TARGET_MS) process.exitCode = 1;
  } finally {
    presenter.close();
    await browser.close();
    await server.stop();
  }
}

await main();

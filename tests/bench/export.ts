/**
 * PDF export benchmark: `npm run bench:export` (or `npx tsx tests/bench/export.ts [--runs N]`).
 *
 * Seeds a session of the built-in talk over real sockets (a `handsup start` child process,
 * six phones), stops the server, then times, alternately and N times each (default 5):
 * - bare: headless Chromium opens the same built projector page in reveal.js's print view
 *   from a plain static server, waits for `.pdf-page`, and calls page.pdf — the cost of
 *   printing the deck at all (browser start and close included, as in the pipeline);
 * - handsup: the `handsup export pdf` pipeline in this process, from opening the data
 *   folder to the written file: session and deck, final results from the store, the
 *   private export server, Chromium, results drawn into the slides, fonts, page.pdf.
 * - command: `handsup export pdf` as users run it (`node bin/handsup.mjs`, the compiled CLI),
 *   Node's start-up and the imports included, alternating with the pipeline runs.
 * It reports the medians and two ratios: pipeline / bare (target ≤ 1.3) and command /
 * pipeline (target ≤ 1.6). The machine is shared and noisy: the runs alternate so every
 * side sees the same noise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { toPublicDeck } from '../../protocol/deck.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../server/browser/find-chromium.ts';
import { assetsAreBuilt, buildAssets } from '../../server/build-assets.ts';
import { openExportSession } from '../../server/export/open-session.ts';
import { exportPdf } from '../../server/export/pdf/export-pdf.ts';
import { DECK_JSON_PATH, PROJECTOR_PAGE } from '../../protocol/routes.ts';
import { DIST_DIR } from '../../server/paths.ts';
import { builtInTalk, seedBuiltInTalk } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { ROOT } from '../support/server-process.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const executablePath = findChromium();
if (!executablePath) throw new Error(`The export benchmark needs Chromium. ${INSTALL_HINT}`);

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A plain static server for the bare run: the built pages and the public deck, nothing else. */
async function startBareServer(): Promise<{ origin: string; close: () => void }> {
  const deckJson = JSON.stringify(toPublicDeck(builtInTalk()));
  const projector = readFileSync(join(DIST_DIR, PROJECTOR_PAGE.html));
  const assets = sirv(DIST_DIR, { dotfiles: false });
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(projector);
    else if (pathname === DECK_JSON_PATH) res.writeHead(200, { 'Content-Type': 'application/json' }).end(deckJson);
    else
      assets(req, res, () => {
        res.writeHead(404).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Timed to the browser closed, as the pipeline is: each run starts its Chromium and is done once it has closed it (~0.3 s here). */
async function bareRun(origin: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  let bytes = 0;
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/?print-pdf`);
    await page.waitForSelector('.pdf-page', { state: 'attached' });
    bytes = (await page.pdf({ printBackground: true, preferCSSPageSize: true })).length;
  } finally {
    await browser.close();
  }
  return { ms: performance.now() - started, bytes };
}

async function handsupRun(dataDir: string, out: string): Promise<{ ms: number; bytes: number; pages: number }> {
  const started = performance.now();
  const opened = openExportSession({ dataDir });
  if (!opened.ok) throw new Error(opened.message);
  try {
    const printed = await exportPdf(opened.source, { fragments: false, notes: false });
    writeFileSync(out, printed.pdf);
    return { ms: performance.now() - started, bytes: printed.pdf.length, pages: printed.pages };
  } finally {
    opened.close();
  }
}

function commandRun(dataDir: string, out: string): number {
  const started = performance.now();
  execFileSync(process.execPath, ['bin/handsup.mjs', 'export', 'pdf', '--data', dataDir, '--out', out], { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - started;
}

if (!assetsAreBuilt()) await buildAssets(console.log);
// Untimed: the compiled CLI brought up to date (the first run after an edit compiles it).
execFileSync(process.execPath, ['bin/compiled-cli.mjs'], { cwd: ROOT, stdio: 'ignore' });
const work = mkdtempSync(join(tmpdir(), 'handsup-bench-export-'));
const dataDir = join(work, 'data');
const out = join(work, 'talk.pdf');

console.log('Seeding a session of the built-in talk over real sockets…');
const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
await seedBuiltInTalk(talk);
await talk.close();

const bare = await startBareServer();
// One of each first: Chromium's and the OS's caches warm, and both sides print the same number of pages.
await bareRun(bare.origin);
const check = await handsupRun(dataDir, out);
console.log(`Deck: ${builtInTalk().slides.length} slides; handsup's PDF: ${check.pages} pages. ${RUNS} runs each, alternating.`);

const bareTimes: number[] = [];
const handsupTimes: number[] = [];
const commandTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  bareTimes.push((await bareRun(bare.origin)).ms);
  handsupTimes.push((await handsupRun(dataDir, out)).ms);
  commandTimes.push(commandRun(dataDir, out));
}
bare.close();
rmSync(work, { recursive: true, force: true });

const pipelineRatio = median(handsupTimes) / median(bareTimes);
const commandRatio = median(commandTimes) / median(handsupTimes);
const verdict = (ratio: number, target: number) => `${ratio.toFixed(2)} (target ≤ ${target})${ratio <= target ? '' : '  OVER TARGET'}`;
console.log(`bare Chromium page.pdf:      median ${seconds(median(bareTimes))}  (${bareTimes.map(seconds).join(', ')})`);
console.log(`handsup export pdf pipeline: median ${seconds(median(handsupTimes))}  (${handsupTimes.map(seconds).join(', ')})`);
console.log(`handsup export pdf command:  median ${seconds(median(commandTimes))}  (${commandTimes.map(seconds).join(', ')})`);
console.log(`pipeline / bare: ${verdict(pipelineRatio, 1.3)}`);
console.log(`command / pipeline: ${verdict(commandRatio, 1.6)}`);

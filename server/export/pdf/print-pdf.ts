import type { Browser, Page } from 'playwright-core';
import { PRINT_PROGRESS_FUNCTION, type PrintProgress } from '../../../protocol/export.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../browser/find-chromium.ts';
import type { ExportProgress } from '../progress.ts';

export interface PrintOptions {
  /** A page per fragment step instead of a page per slide. */
  fragments: boolean;
  /** The speaker notes, each slide's on a page after it. */
  notes: boolean;
}

export interface PrintedPdf {
  pdf: Buffer;
  pages: number;
  /** Slides whose content is taller than a page (cut off at the bottom). */
  overflowing: string[];
}

/** No Chrome or Chromium on this machine: the message says how to get one. */
export class NoBrowserError extends Error {}

/** How long the print view may take to get ready before the export gives up. */
const READY_TIMEOUT_MS = 60_000;

/** The projector page's address in reveal.js's print view, with the export's choices. */
export function printViewPath(options: PrintOptions): string {
  return `/?${['print-pdf', ...(options.fragments ? ['fragments'] : []), ...(options.notes ? ['notes'] : [])].join('&')}`;
}

/** Resolves once the print view says it is laid out with fonts loaded; rejects on an error in the page. */
async function waitForPrintView(page: Page): Promise<void> {
  let pageFailed: (error: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (pageFailed = reject));
  failure.catch(() => undefined);
  page.on('pageerror', (error) => pageFailed(new Error(`the print view failed: ${error.message}`)));
  // deckReady without printResults: a page built before the print view could take results.
  const ready = page.waitForFunction(
    () =>
      (document.body.dataset.printReady !== undefined && document.querySelector('.reveal .slides > .pdf-page') !== null) ||
      (document.body.dataset.deckReady === 'true' && document.body.dataset.printResults === undefined),
    undefined,
    { timeout: READY_TIMEOUT_MS },
  );
  await Promise.race([ready, failure]);
  const results = await page.evaluate(() => document.body.dataset.printResults);
  if (results === undefined) throw new Error('the built pages in dist/ are older than this handsup — run `npm run build`, then export again');
  if (results === 'none') throw new Error('the print view got no results from the export server');
}

/**
 * Starts headless Chromium, or rejects with NoBrowserError saying how to get one. Playwright
 * is loaded only here: a server that never prints a PDF never pays for it.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    const where = process.env.CHROME_PATH ? `CHROME_PATH is ${process.env.CHROME_PATH}, which does not exist` : 'no Chrome or Chromium found';
    throw new NoBrowserError(`${where}. ${INSTALL_HINT}`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens the projector page in print view in the given Chromium and prints it to PDF with
 * reveal.js's page size. Waits on the page's own signals (results drawn, pages laid out,
 * fonts loaded), never on a fixed sleep.
 */
export async function printPdf(browser: Browser, origin: string, options: PrintOptions, progress: ExportProgress): Promise<PrintedPdf> {
  const page = await browser.newPage();
  let layout: Extract<PrintProgress, { stage: 'layout' }> | undefined;
  await page.exposeFunction(PRINT_PROGRESS_FUNCTION, (reported: PrintProgress) => {
    if (reported.stage === 'results') progress.count('question slides with results', reported.done, reported.total);
    else layout = reported;
  });
  progress.step('opening the deck in print view');
  // No wait for the load event: the print view's own ready signal (below) comes after it.
  await page.goto(`${origin}${printViewPath(options)}`, { waitUntil: 'commit' });
  await waitForPrintView(page);
  // The page waits for the exporter to hear its layout report before it says it is ready.
  const pages = layout?.pages ?? Number(await page.evaluate(() => document.body.dataset.printReady));
  const overflowing = layout?.overflowing ?? [];
  progress.count('pages laid out', pages, pages);
  progress.step(`printing ${pages} pages`);
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  return { pdf, pages, overflowing };
}

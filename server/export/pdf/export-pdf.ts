import type { Deck } from '../../../protocol/deck.ts';
import type { PrintData } from '../../../protocol/export.ts';
import { assetsAreBuilt, buildAssets } from '../../build-assets.ts';
import { DIST_DIR } from '../../paths.ts';
import { finalEngine, type ExportSource } from '../final-results.ts';
import { printData, slidesPrintData } from '../print-data.ts';
import { silentProgress, type ExportProgress } from '../progress.ts';
import { startExportServer } from './export-server.ts';
import { printPdf, type PrintedPdf, type PrintOptions } from './print-pdf.ts';

export interface PdfExportOptions extends PrintOptions {
  distDir?: string;
  progress?: ExportProgress;
  /** The public address phones open (`--url`): the join slide shows it with its QR code. */
  joinUrl?: string;
}

/**
 * The talk as a PDF with the session's final results in its question slides: the engine
 * rebuilt from the store computes the results, a private server hands them with the
 * built projector page to headless Chromium, which prints reveal.js's print view. The
 * command line and the presenter's download both come through here.
 */
export async function exportPdf(source: ExportSource, options: PdfExportOptions): Promise<PrintedPdf> {
  const progress = options.progress ?? silentProgress;
  progress.step('computing the final results');
  const data = await printData(source.deck, finalEngine(source), { notes: options.notes, joinUrl: options.joinUrl });
  return printDeck(source.deck, data, options);
}

/** The slides before the talk (no session, or `--no-results`): every question with its options, no results. */
export async function exportSlidesPdf(deck: Deck, options: PdfExportOptions): Promise<PrintedPdf> {
  return printDeck(deck, await slidesPrintData(deck, { notes: options.notes, joinUrl: options.joinUrl }), options);
}

async function printDeck(deck: Deck, data: PrintData, options: PdfExportOptions): Promise<PrintedPdf> {
  const progress = options.progress ?? silentProgress;
  const distDir = options.distDir ?? DIST_DIR;
  if (!assetsAreBuilt(distDir)) await buildAssets((line) => progress.step(line.replace(/^handsup: /, '').replace(/…$/, '')));
  const server = await startExportServer({ distDir, deck, printData: data });
  try {
    return await printPdf(server.origin, options, progress);
  } finally {
    await server.close();
  }
}

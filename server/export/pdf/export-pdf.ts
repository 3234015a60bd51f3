import { assetsAreBuilt, buildAssets } from '../../build-assets.ts';
import { DIST_DIR } from '../../paths.ts';
import { finalEngine, type ExportSource } from '../final-results.ts';
import { printData } from '../print-data.ts';
import { silentProgress, type ExportProgress } from '../progress.ts';
import { startExportServer } from './export-server.ts';
import { launchChromium, printPdf, type PrintedPdf, type PrintOptions } from './print-pdf.ts';

export interface PdfExportOptions extends PrintOptions {
  distDir?: string;
  progress?: ExportProgress;
}

/**
 * The talk as a PDF with the session's final results in its question slides: the engine
 * rebuilt from the store computes the results, a private server hands them with the
 * built projector page to headless Chromium, which prints reveal.js's print view. The
 * command line and the presenter's download both come through here.
 */
export async function exportPdf(source: ExportSource, options: PdfExportOptions): Promise<PrintedPdf> {
  const progress = options.progress ?? silentProgress;
  const distDir = options.distDir ?? DIST_DIR;
  // Chromium takes the longest to start: it starts first, while the results are computed.
  progress.step('starting Chromium');
  const launching = launchChromium();
  launching.catch(() => undefined);
  try {
    progress.step('computing the final results');
    const data = printData(source.deck, finalEngine(source), { notes: options.notes });
    if (!assetsAreBuilt(distDir)) await buildAssets((line) => progress.step(line.replace(/^handsup: /, '').replace(/…$/, '')));
    const server = await startExportServer({ distDir, deck: source.deck, printData: data });
    try {
      return await printPdf(await launching, server.origin, options, progress);
    } finally {
      await server.close();
    }
  } finally {
    await (await launching.catch(() => undefined))?.close();
  }
}

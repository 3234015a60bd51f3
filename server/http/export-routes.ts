import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname } from 'node:path';
import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import { readFinalSession, type ExportSource } from '../export/final-results.ts';
import { exportPdf } from '../export/pdf/export-pdf.ts';
import { NoBrowserError } from '../export/pdf/print-pdf.ts';
import { resultsCsv } from '../export/results-csv.ts';
import { resultsJson } from '../export/results-json.ts';
import { presenterCookieAccepted } from '../auth/presenter-cookie.ts';
import { sendPage } from './serve-page.ts';

export interface ExportRoutesOptions {
  source: ExportSource;
  /** The deck's file: the downloads are named after it. */
  deckFile: string;
  distDir: string;
  presenterKey: string;
  /**
   * The address the running server gives phones (its join slide's: `--url`, else the LAN
   * address): the PDF's join slide shows it with its QR code, not the before-the-talk placeholder.
   */
  joinOrigin: (req: IncomingMessage) => string;
}

/** Handles the request and returns true when it is one of the presenter's downloads. */
export type ExportRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

const TEXT = 'text/plain; charset=utf-8';

function attachment(name: string): Record<string, string> {
  return { 'Content-Disposition': `attachment; filename="${name}"` };
}

/**
 * The presenter's downloads, live or after the talk: the results as CSV or JSON, and the
 * talk as a PDF, made by the same code as `handsup export` from what the store holds
 * (every acknowledged answer). Only the browser holding the presenter's cookie gets them.
 * One PDF at a time: it takes a Chromium for a few seconds.
 */
export function createExportRoutes(options: ExportRoutesOptions): ExportRoutes {
  const stem = `${basename(options.deckFile, extname(options.deckFile)).replace(/[^A-Za-z0-9._-]+/g, '-')}-${options.source.session.joinCode}`;
  let pdfInProgress = false;

  async function sendPdf(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    if (pdfInProgress) {
      sendPage(res, 429, TEXT, 'A PDF of this talk is being made right now; try again in a few seconds.\n', { 'Retry-After': '5' });
      return;
    }
    pdfInProgress = true;
    try {
      const printed = await exportPdf(options.source, {
        fragments: url.searchParams.has('fragments'),
        notes: url.searchParams.has('notes'),
        distDir: options.distDir,
        joinUrl: options.joinOrigin(req),
      });
      sendPage(res, 200, 'application/pdf', printed.pdf, attachment(`${stem}.pdf`));
    } catch (error) {
      if (error instanceof NoBrowserError) sendPage(res, 503, TEXT, `The PDF is printed by Chrome or Chromium: ${error.message}\n`);
      else sendPage(res, 500, TEXT, `The PDF could not be made: ${(error as Error).message}\n`);
    } finally {
      pdfInProgress = false;
    }
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = Object.values(PRESENTER_EXPORT_PATHS).find((path) => path === url.pathname);
    if (!route) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(res, 405, TEXT, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return true;
    }
    if (!presenterCookieAccepted(req.headers, options.presenterKey)) {
      sendPage(res, 403, TEXT, 'The export is for the presenter: open the presenter console in this browser first (the Presenter: address that `handsup start` printed).\n');
      return true;
    }
    if (route === PRESENTER_EXPORT_PATHS.talkPdf) {
      void sendPdf(req, url, res);
      return true;
    }
    try {
      const final = readFinalSession(options.source);
      if (route === PRESENTER_EXPORT_PATHS.resultsCsv) {
        sendPage(res, 200, 'text/csv; charset=utf-8', resultsCsv(final, { bom: true }), attachment(`${stem}-results.csv`));
      } else {
        sendPage(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(resultsJson(final), null, 2)}\n`, attachment(`${stem}-results.json`));
      }
    } catch (error) {
      sendPage(res, 500, TEXT, `The results could not be exported: ${(error as Error).message}\n`);
    }
    return true;
  };
}

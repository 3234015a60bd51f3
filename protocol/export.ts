/**
 * What the export hands to the projector page in print view, and the presenter's export
 * downloads. The print data is served only by the short-lived export server that
 * `handsup export pdf` (or the presenter's PDF download) starts on 127.0.0.1: it may
 * carry quiz answers and, when asked, speaker notes, because it is the presenter's record.
 */
import type { QuizBoard, Results, SessionInfo } from './session.ts';

/** Where the print view fetches the final results. Only the private export server answers it. */
export const PRINT_DATA_PATH = '/export/print.json';

/**
 * What the join slide shows in a PDF: the address the presenter gave (`--url`) with its QR
 * code, and the session's join code; without an address, a placeholder where the code goes.
 */
export interface PrintJoin {
  /** The address phones open (the QR code's target); null when none was given. */
  url: string | null;
  qrSvg: string | null;
  /** The session's join code; null for the slides without a session. */
  code: string | null;
}

export interface PrintData {
  /** null: the slides before the talk, with their questions and options and no results. */
  session: SessionInfo | null;
  /** Every question's final results by id: quiz answers revealed, every approved typed entry. */
  results: Record<string, Results>;
  /** The quiz standings at the end; null when the deck has no quiz. */
  quiz: QuizBoard | null;
  /** Speaker notes (HTML) by slide index, only when the export was asked for them. */
  notes?: string[];
  join: PrintJoin;
}

/**
 * What the print view reports while it gets ready, through a function the exporter puts
 * on the page (window.handsupPrintProgress): results drawn into question slides, then
 * the pages reveal.js laid out.
 */
export type PrintProgress =
  | { stage: 'results'; done: number; total: number }
  | { stage: 'layout'; pages: number; overflowing: string[] };

export const PRINT_PROGRESS_FUNCTION = 'handsupPrintProgress';

/** The presenter's downloads on the live server; they need the presenter's cookie. */
export const PRESENTER_EXPORT_PATHS = {
  resultsCsv: '/presenter/export/results.csv',
  resultsJson: '/presenter/export/results.json',
  /** Add `?fragments` for a page per fragment step, `?notes` for the speaker notes. */
  talkPdf: '/presenter/export/talk.pdf',
} as const;

/**
 * What the export hands to the projector page in print view, and the presenter's export
 * downloads. The print data is served only by the short-lived export server that
 * `handsup export pdf` (or the presenter's PDF download) starts on 127.0.0.1: it may
 * carry quiz answers and, when asked, speaker notes, because it is the presenter's record.
 */
import type { QuizBoard, Results, SessionInfo } from './session.ts';

/** Where the print view fetches the final results. Only the private export server answers it. */
export const PRINT_DATA_PATH = '/export/print.json';

export interface PrintData {
  session: SessionInfo;
  /** Every question's final results by id: quiz answers revealed, approved typed entries only. */
  results: Record<string, Results>;
  /** The quiz standings at the end; null when the deck has no quiz. */
  quiz: QuizBoard | null;
  /** Speaker notes (HTML) by slide index, only when the export was asked for them. */
  notes?: string[];
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

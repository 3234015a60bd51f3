import type { Deck } from '../../protocol/deck.ts';
import type { PrintData, PrintJoin } from '../../protocol/export.ts';
import type { Results } from '../../protocol/session.ts';
import type { SessionEngine } from '../engine/session-engine.ts';

export interface PrintDataOptions {
  notes: boolean;
  /** The public address phones open (`--url`), without a trailing slash; none: a placeholder on the join slide. */
  joinUrl?: string;
}

/**
 * The join slide's address and QR code. With a session the code leads to its join link, as
 * on the projector; before the talk there is no join code yet, so to the page that asks for it.
 */
async function printJoin(joinUrl: string | undefined, code: string | null): Promise<PrintJoin> {
  if (joinUrl === undefined) return { url: null, qrSvg: null, code };
  const url = code ? `${joinUrl}/j/${code}` : `${joinUrl}/join`;
  // A 4-module quiet zone: phone cameras need the white border to find the code on paper too.
  // Loaded only here: most exports have no --url, and the command line starts faster without it.
  const { default: QRCode } = await import('qrcode');
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  return { url, qrSvg, code };
}

/**
 * What the print view draws: every question's final results (every approved typed entry:
 * what the presenter hid stays out of the PDF) and the quiz standings; the notes only when
 * the export asks for them.
 */
export async function printData(deck: Deck, engine: SessionEngine, options: PrintDataOptions): Promise<PrintData> {
  const results: Record<string, Results> = {};
  for (const question of deck.questions) {
    const tallied = engine.recordResults(question.id);
    if (tallied) results[question.id] = tallied;
  }
  return {
    session: engine.session,
    results,
    quiz: engine.quizBoard(),
    join: await printJoin(options.joinUrl, engine.session.joinCode),
    ...(options.notes ? { notes: deck.slides.map((slide) => slide.notes) } : {}),
  };
}

/** The slides before the talk: questions with their options, no results, no standings. */
export async function slidesPrintData(deck: Deck, options: PrintDataOptions): Promise<PrintData> {
  return {
    session: null,
    results: {},
    quiz: null,
    join: await printJoin(options.joinUrl, null),
    ...(options.notes ? { notes: deck.slides.map((slide) => slide.notes) } : {}),
  };
}

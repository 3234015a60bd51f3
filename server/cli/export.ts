import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { compileExportDeck, openExportSession, type OpenedSession } from '../export/open-session.ts';
import { exportPdf, exportSlidesPdf, type PdfExportOptions } from '../export/pdf/export-pdf.ts';
import { NoBrowserError, type PrintedPdf } from '../export/pdf/print-pdf.ts';
import { terminalProgress, type ExportProgress } from '../export/progress.ts';
import { readFinalSession } from '../export/final-results.ts';
import { resultsCsv } from '../export/results-csv.ts';
import { resultsJson } from '../export/results-json.ts';
import { parseCommandArgs, UsageError } from './args.ts';

const PREFIX = 'handsup:';

/** `handsup export pdf|results …`. Resolves with the exit code. */
export async function exportCommand(args: string[]): Promise<number> {
  const redisAt = args.indexOf('--redis');
  if (redisAt >= 0) return exportFromRedis(args, redisAt);
  const [what, ...rest] = args;
  if (what === 'pdf') return exportPdfCommand(rest);
  if (what === 'results') return exportResultsCommand(rest);
  throw new UsageError(
    `handsup: ${what === undefined ? 'say what to export' : `cannot export "${what}"`} — \`handsup export pdf\` (the talk with its results) or \`handsup export results\` (every answer as CSV or JSON)`,
  );
}

/** `--redis URL`: the session is copied from Redis into a temporary folder and exported from there. */
async function exportFromRedis(args: string[], redisAt: number): Promise<number> {
  const redisUrl = args[redisAt + 1];
  if (!redisUrl || redisUrl.startsWith('--')) throw new UsageError(`${PREFIX} --redis needs the URL of the Redis that holds the session`);
  if (args.includes('--data')) throw new UsageError(`${PREFIX} --redis and --data both say where the session is — pass one of them`);
  const rest = args.filter((_, i) => i !== redisAt && i !== redisAt + 1);
  const sessionAt = rest.indexOf('--session');
  const { archiveSession } = await import('./archive.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-export-'));
  try {
    const archived = await archiveSession(redisUrl, dataDir, sessionAt >= 0 ? rest[sessionAt + 1] : undefined);
    return await exportCommand([...rest, '--data', dataDir, ...(sessionAt >= 0 ? [] : ['--session', archived.id])]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Why a file cannot be written there, before seconds are spent making it; undefined when it can. */
function cannotWrite(file: string): string | undefined {
  const folder = dirname(file);
  if (!existsSync(folder)) return `cannot write ${file}: the folder ${folder} does not exist — create it or choose another --out`;
  if (existsSync(file) && statSync(file).isDirectory()) return `cannot write ${file}: it is a folder — name a file in it, e.g. --out ${file.replace(/\/$/, '')}/talk.pdf`;
  try {
    accessSync(existsSync(file) ? file : folder, constants.W_OK);
    return undefined;
  } catch {
    return `cannot write ${file}: permission denied — choose another --out`;
  }
}

function writeOut(file: string, body: string | Buffer): string | undefined {
  try {
    writeFileSync(file, body);
    return undefined;
  } catch (error) {
    return `cannot write ${file}: ${(error as Error).message}`;
  }
}

function reportNotOpened(opened: Pick<Extract<OpenedSession, { ok: false }>, 'message' | 'problems'>, hint = ''): number {
  for (const problem of opened.problems) console.error(problem);
  console.error(`${PREFIX} ${opened.message}${hint}`);
  return 1;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
}

/** `--url`: the public address phones open, as an origin with an optional path and no trailing slash. */
function joinUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new UsageError(`handsup export pdf: --url "${value}" is not a web address — give the address phones open, e.g. --url https://talk.example.org`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Checks --out before the seconds the PDF takes; the error is printed. */
function writableOut(out: string): boolean {
  const unwritable = cannotWrite(resolve(out));
  if (unwritable) console.error(`${PREFIX} ${unwritable}`);
  return unwritable === undefined;
}

async function printed(out: string, progress: ExportProgress, started: number, make: () => Promise<PrintedPdf>): Promise<number> {
  try {
    const pdf = await make();
    for (const slide of pdf.overflowing) progress.warn(`${slide} is taller than a page: its bottom is cut off in the PDF — shorten it`);
    const failed = writeOut(out, pdf.pdf);
    progress.end();
    if (failed) {
      console.error(`${PREFIX} ${failed}`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`written ${out} (${pdf.pages} pages, ${kilobytes(pdf.pdf.length)}) in ${seconds} s`);
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof NoBrowserError) {
      console.error(`${PREFIX} the PDF is printed by Chrome or Chromium: ${error.message}`);
      return 1;
    }
    console.error(`${PREFIX} the PDF could not be made: ${(error as Error).message}`);
    return 1;
  }
}

/** The slides before the talk: questions and options, no results. why: said first, when the slides were not asked for. */
async function exportSlidesCommand(deckFile: string, values: { out?: string; why?: string } & PdfExportOptions, started: number): Promise<number> {
  const compiled = compileExportDeck(deckFile);
  if (!compiled.ok) return reportNotOpened(compiled);
  const out = values.out ?? `${basename(deckFile, extname(deckFile))}.pdf`;
  if (!writableOut(out)) return 1;
  const progress = terminalProgress(process.stderr);
  progress.step(`${values.why ? `${values.why}: ` : ''}the slides of "${compiled.deck.title}" with their questions, no results`);
  return printed(out, progress, started, () => exportSlidesPdf(compiled.deck, { ...values, progress }));
}

async function exportPdfCommand(args: string[]): Promise<number> {
  const started = performance.now();
  const { values } = parseCommandArgs('export pdf', args, {
    deck: { type: 'string' },
    data: { type: 'string' },
    session: { type: 'string' },
    out: { type: 'string' },
    fragments: { type: 'boolean' },
    notes: { type: 'boolean' },
    'no-results': { type: 'boolean' },
    url: { type: 'string' },
  });
  const options = { out: values.out, fragments: values.fragments ?? false, notes: values.notes ?? false, joinUrl: joinUrlOf(values.url) };
  if (values['no-results']) {
    if (values.session !== undefined) throw new UsageError('handsup export pdf: --no-results prints the slides without a session — leave out --session or --no-results');
    return exportSlidesCommand(values.deck ?? DEFAULT_DECK_FILE, options, started);
  }
  const dataDir = values.data ?? 'data';
  const opened = openExportSession({ dataDir, sessionId: values.session, deckFile: values.deck });
  if (!opened.ok) {
    // A deck and no talk of it yet: the slides to hand out or check before the talk.
    if (opened.noSession && values.deck !== undefined && values.session === undefined) {
      return exportSlidesCommand(values.deck, { ...options, why: `no session of ${values.deck} in ${resolve(dataDir)}` }, started);
    }
    return reportNotOpened(opened, opened.noSession ? ' (or `handsup export pdf --deck FILE` for the slides without results)' : '');
  }
  try {
    const out = values.out ?? `${basename(opened.deckFile, extname(opened.deckFile))}-${opened.summary.joinCode}.pdf`;
    if (!writableOut(out)) return 1;
    const progress = terminalProgress(process.stderr);
    for (const warning of opened.warnings) progress.warn(warning);
    const { summary } = opened;
    progress.step(`session ${summary.id} (join code ${summary.joinCode}, ${summary.responses} responses) of "${summary.deckTitle}"`);
    return await printed(out, progress, started, () => exportPdf(opened.source, { ...options, progress }));
  } finally {
    opened.close();
  }
}

export type ResultsFormat = 'csv' | 'json';

/** --format wins; otherwise the --out file's extension says; otherwise JSON. */
function resultsFormat(format: string | undefined, out: string | undefined): ResultsFormat {
  if (format === undefined) return out !== undefined && extname(out).toLowerCase() === '.csv' ? 'csv' : 'json';
  if (format === 'csv' || format === 'json') return format;
  throw new UsageError(`handsup: unknown format "${format}" — use --format csv or --format json`);
}

async function exportResultsCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('export results', args, {
    data: { type: 'string' },
    session: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const format = resultsFormat(values.format, values.out);
  if (values.out !== undefined) {
    const unwritable = cannotWrite(resolve(values.out));
    if (unwritable) {
      console.error(`${PREFIX} ${unwritable}`);
      return 1;
    }
  }
  const opened = openExportSession({ dataDir: values.data ?? 'data', sessionId: values.session });
  if (!opened.ok) return reportNotOpened(opened);
  try {
    for (const warning of opened.warnings) console.error(`${PREFIX} warning: ${warning}`);
    const final = readFinalSession(opened.source);
    // A file gets a byte-order mark so spreadsheets read it as UTF-8; a pipe gets plain text.
    const body = format === 'csv' ? resultsCsv(final, { bom: values.out !== undefined }) : `${JSON.stringify(resultsJson(final), null, 2)}\n`;
    if (values.out === undefined) {
      process.stdout.write(body);
      return 0;
    }
    const failed = writeOut(values.out, body);
    if (failed) {
      console.error(`${PREFIX} ${failed}`);
      return 1;
    }
    const what = format === 'csv' ? `${final.responses.length} responses` : `${final.source.deck.questions.length} questions`;
    console.error(`written ${values.out} (${format.toUpperCase()}, ${what}, session ${opened.summary.id})`);
    return 0;
  } finally {
    opened.close();
  }
}

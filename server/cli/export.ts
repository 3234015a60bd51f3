import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openExportSession, type OpenedSession } from '../export/open-session.ts';
import { exportPdf } from '../export/pdf/export-pdf.ts';
import { NoBrowserError } from '../export/pdf/print-pdf.ts';
import { terminalProgress } from '../export/progress.ts';
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

function reportNotOpened(opened: Extract<OpenedSession, { ok: false }>): number {
  for (const problem of opened.problems) console.error(problem);
  console.error(`${PREFIX} ${opened.message}`);
  return 1;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
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
  });
  const opened = openExportSession({ dataDir: values.data ?? 'data', sessionId: values.session, deckFile: values.deck });
  if (!opened.ok) return reportNotOpened(opened);
  const progress = terminalProgress(process.stderr);
  try {
    const out = values.out ?? `${basename(opened.deckFile, extname(opened.deckFile))}-${opened.summary.joinCode}.pdf`;
    const unwritable = cannotWrite(resolve(out));
    if (unwritable) {
      console.error(`${PREFIX} ${unwritable}`);
      return 1;
    }
    for (const warning of opened.warnings) progress.warn(warning);
    const { summary } = opened;
    progress.step(`session ${summary.id} (join code ${summary.joinCode}, ${summary.responses} responses) of "${summary.deckTitle}"`);
    const printed = await exportPdf(opened.source, { fragments: values.fragments ?? false, notes: values.notes ?? false, progress });
    for (const slide of printed.overflowing) progress.warn(`${slide} is taller than a page: its bottom is cut off in the PDF — shorten it`);
    const failed = writeOut(out, printed.pdf);
    progress.end();
    if (failed) {
      console.error(`${PREFIX} ${failed}`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`written ${out} (${printed.pages} pages, ${kilobytes(printed.pdf.length)}) in ${seconds} s`);
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof NoBrowserError) {
      console.error(`${PREFIX} the PDF is printed by Chrome or Chromium: ${error.message}`);
      return 1;
    }
    console.error(`${PREFIX} the PDF could not be made: ${(error as Error).message}`);
    return 1;
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

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, type Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { DATABASE_FILE, SqliteStore, type SessionSummary } from '../store/sqlite-store.ts';
import type { ExportSource } from './final-results.ts';

export interface OpenSessionOptions {
  /** The data folder `handsup start` used. */
  dataDir: string;
  /** A session id; otherwise the latest session (of --deck when one is given). */
  sessionId?: string;
  /** A deck file; otherwise the session's own deck file, or the built-in talk when that is gone. */
  deckFile?: string;
}

export type OpenedSession =
  | {
      ok: true;
      source: ExportSource;
      summary: SessionSummary;
      deckFile: string;
      /** Things worth saying that do not stop the export. */
      warnings: string[];
      close(): void;
    }
  /**
   * problems: the deck's, as `file:line: message`; message: what to do. noSession: there is
   * no session to export (no data, or none of that deck), not a wrong --session or a bad deck.
   */
  | { ok: false; message: string; problems: string[]; noSession: boolean };

export type CompiledExportDeck = { ok: true; deck: Deck } | { ok: false; message: string; problems: string[] };

/** The deck to print, compiled; or, as `file:line: message`, what to fix in it first. */
export function compileExportDeck(deckFile: string): CompiledExportDeck {
  if (!existsSync(deckFile)) return { ok: false, message: `no deck at ${deckFile} — pass --deck FILE`, problems: [`${deckFile}:1: file not found — check the path`] };
  const { deck, problems } = compileDeckFile(deckFile);
  if (problems.length > 0) {
    return { ok: false, message: `${deckFile} has ${problems.length} problem(s); fix them and export again.`, problems: problems.map(formatProblem) };
  }
  return { ok: true, deck };
}

function sessionsHint(dataDir: string): string {
  return `run \`handsup sessions --data ${dataDir}\` to list them`;
}

/**
 * Finds the session to export and its deck, for the command line. The store is opened
 * read-only: exporting never creates a session or writes anything, even while a server
 * runs on the same data folder.
 */
export function openExportSession(options: OpenSessionOptions): OpenedSession {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    const what = existsSync(dataDir) ? `no handsup data in ${dataDir} (there is no ${DATABASE_FILE})` : `no data folder at ${dataDir}`;
    return { ok: false, message: `${what} — pass --data DIR, the folder \`handsup start\` used (default ./data)`, problems: [], noSession: true };
  }
  const store = new SqliteStore(dataDir, { readonly: true });
  const fail = (message: string, problems: string[] = [], noSession = false): OpenedSession => {
    store.close();
    return { ok: false, message, problems, noSession };
  };

  let summary: SessionSummary | undefined;
  if (options.sessionId !== undefined) {
    summary = store.findSession(options.sessionId);
    if (!summary) return fail(`no session "${options.sessionId}" in ${dataDir} — ${sessionsHint(dataDir)}`);
  } else if (options.deckFile !== undefined) {
    const latest = store.latestSessionForDeck(resolve(options.deckFile));
    summary = latest && store.findSession(latest.id);
    if (!summary) return fail(`no session of ${options.deckFile} in ${dataDir} — pass --session ID (${sessionsHint(dataDir)})`, [], true);
  } else {
    summary = store.findSession();
    if (!summary) return fail(`no sessions in ${dataDir} yet — run a talk with \`handsup start --data ${dataDir}\` first`, [], true);
  }

  const warnings: string[] = [];
  let deckFile = options.deckFile;
  if (deckFile === undefined) {
    deckFile = existsSync(summary.deckFile) ? summary.deckFile : DEFAULT_DECK_FILE;
    if (deckFile !== summary.deckFile) {
      warnings.push(`the session's deck ${summary.deckFile} is gone; using the built-in talk (pass --deck FILE to choose)`);
    }
  } else if (resolve(deckFile) !== summary.deckFile) {
    warnings.push(`session ${summary.id} was run with ${summary.deckFile}; its answers are matched to ${deckFile} by question id`);
  }
  const compiled = compileExportDeck(deckFile);
  if (!compiled.ok) return fail(compiled.message, compiled.problems);
  const { deck } = compiled;
  const session = { id: summary.id, joinCode: summary.joinCode, deckTitle: summary.deckTitle, startedAt: summary.startedAt };
  return { ok: true, source: { deck, session, store }, summary, deckFile, warnings, close: () => store.close() };
}

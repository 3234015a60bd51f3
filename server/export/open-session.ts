import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem } from '../../protocol/deck.ts';
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
  /** problems: the deck's, as `file:line: message`; message: what to do. */
  | { ok: false; message: string; problems: string[] };

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
    return { ok: false, message: `${what} — pass --data DIR, the folder \`handsup start\` used (default ./data)`, problems: [] };
  }
  const store = new SqliteStore(dataDir, { readonly: true });
  const fail = (message: string, problems: string[] = []): OpenedSession => {
    store.close();
    return { ok: false, message, problems };
  };

  let summary: SessionSummary | undefined;
  if (options.sessionId !== undefined) {
    summary = store.findSession(options.sessionId);
    if (!summary) return fail(`no session "${options.sessionId}" in ${dataDir} — ${sessionsHint(dataDir)}`);
  } else if (options.deckFile !== undefined) {
    const latest = store.latestSessionForDeck(resolve(options.deckFile));
    summary = latest && store.findSession(latest.id);
    if (!summary) return fail(`no session of ${options.deckFile} in ${dataDir} — pass --session ID (${sessionsHint(dataDir)})`);
  } else {
    summary = store.findSession();
    if (!summary) return fail(`no sessions in ${dataDir} yet — run a talk with \`handsup start --data ${dataDir}\` first`);
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
  if (!existsSync(deckFile)) return fail(`no deck at ${deckFile} — pass --deck FILE`, [`${deckFile}:1: file not found — check the path`]);
  const { deck, problems } = compileDeckFile(deckFile);
  if (problems.length > 0) {
    return fail(`${deckFile} has ${problems.length} problem(s); fix them and export again.`, problems.map(formatProblem));
  }
  const session = { id: summary.id, joinCode: summary.joinCode, deckTitle: summary.deckTitle, startedAt: summary.startedAt };
  return { ok: true, source: { deck, session, store }, summary, deckFile, warnings, close: () => store.close() };
}

import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { SqliteStore } from '../store/sqlite-store.ts';
import { parseCommandArgs } from './args.ts';

/** `handsup sessions`: id, join code, deck, started, responses — newest first. */
export function sessionsCommand(args: string[]): number {
  const { values } = parseCommandArgs('sessions', args, { data: { type: 'string' } });
  const dataDir = resolve(values.data ?? 'data');
  if (!existsSync(dataDir)) {
    console.error(`handsup: no data folder at ${dataDir} — pass --data DIR, or start a talk first`);
    return 1;
  }
  const store = new SqliteStore(dataDir);
  try {
    const sessions = store.listSessions();
    if (sessions.length === 0) {
      console.log(`No sessions in ${dataDir} yet.`);
      return 0;
    }
    const rows = sessions.map((session) => [
      session.id,
      session.joinCode,
      session.deckTitle,
      new Date(session.startedAt).toISOString().replace('T', ' ').slice(0, 19),
      String(session.responses),
    ]);
    const header = ['ID', 'CODE', 'DECK', 'STARTED (UTC)', 'RESPONSES'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
    return 0;
  } finally {
    store.close();
  }
}

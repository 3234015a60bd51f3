import { resolve } from 'node:path';
import { readSession } from '../cluster-talk.ts';
import { NicknameBook } from '../engine/nicknames.ts';
import { connectRedis, redactedUrl } from '../store/redis/redis-connection.ts';
import { LATEST_SESSION_KEY, sessionKeys } from '../store/redis/redis-keys.ts';
import { readLog } from '../store/redis/redis-log-tail.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { parseCommandArgs, UsageError } from './args.ts';

/**
 * Copies a session held in Redis into the SQLite store of a data folder, committing its
 * log's records in log order: the same tables a single node would have written, so
 * `sessions`, `export` and `start` read it as their own. Resolves with the session id.
 */
export async function archiveSession(redisUrl: string, dataDir: string, sessionId?: string): Promise<{ id: string; records: number; joinCode: string }> {
  const client = await connectRedis(redisUrl, 'archive');
  try {
    const id = sessionId ?? (await client.get(LATEST_SESSION_KEY)) ?? undefined;
    if (!id) throw new UsageError(`no session in Redis at ${redactedUrl(redisUrl)} — start one with \`handsup start --redis URL\``);
    const session = await readSession(client, id);
    if (!session) throw new UsageError(`no session "${id}" in Redis at ${redactedUrl(redisUrl)}`);
    const entries = await readLog(client, sessionKeys(id).log);
    const store = new SqliteStore(dataDir);
    try {
      if (store.findSession(id)) throw new UsageError(`session ${id} is in ${dataDir} already — archive into another --data folder`);
      const { deckFile, ...info } = session;
      store.importSession(info, deckFile);
      // A nickname the log refused (another phone held it first) was never anyone's: the unique index would refuse it too.
      const nicknames = new NicknameBook();
      const records = entries.map((entry) => entry.record).filter((record) => record.kind !== 'nickname' || nicknames.take(record.participantId, record.nickname));
      for (let from = 0; from < records.length; from += 5000) store.commit(id, records.slice(from, from + 5000));
      return { id, records: records.length, joinCode: session.joinCode };
    } finally {
      store.close();
    }
  } finally {
    client.destroy();
  }
}

/** `handsup archive --redis URL --data DIR [--session ID]`. */
export async function archiveCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('archive', args, { redis: { type: 'string' }, data: { type: 'string' }, session: { type: 'string' } });
  const redisUrl = values.redis || process.env.HANDSUP_REDIS_URL;
  if (!redisUrl) throw new UsageError('handsup archive: say which Redis holds the session — --redis URL (or env HANDSUP_REDIS_URL)');
  if (!values.data) throw new UsageError('handsup archive: say where to keep it — --data DIR (a SQLite file is written there)');
  const dataDir = resolve(values.data);
  const archived = await archiveSession(redisUrl, dataDir, values.session);
  console.log(`handsup: session ${archived.id} (join code ${archived.joinCode}, ${archived.records} records) archived into ${dataDir}`);
  return 0;
}

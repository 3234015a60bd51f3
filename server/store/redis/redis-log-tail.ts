import type { SessionRecord } from '../records.ts';
import type { RedisClient } from './redis-connection.ts';

export interface LogEntry {
  id: string;
  node: string;
  record: SessionRecord;
}

type StreamReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/** Entries of a stream reply (XRANGE's or one XREAD stream's) as records. */
export function parseEntries(entries: [id: string, fields: string[]][]): LogEntry[] {
  return entries.map(([id, fields]) => {
    const field = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
    return { id, node: field('node'), record: JSON.parse(field('record')) as SessionRecord };
  });
}

/** Stream ids ("ms-seq") in log order. */
export function compareIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bMs, bSeq] = b.split('-').map(BigInt) as [bigint, bigint];
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}

/** Every entry of the log after `after` ("0" for all), oldest first, read in pages. */
export async function readLog(client: RedisClient, key: string, after = '0'): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  let from = after;
  for (;;) {
    const page = (await client.sendCommand(['XRANGE', key, `(${from}`, '+', 'COUNT', '5000'])) as [string, string[]][];
    if (page.length === 0) return entries;
    entries.push(...parseEntries(page));
    from = page.at(-1)![0];
  }
}

/**
 * Follows one session's log on a connection of its own (XREAD BLOCK holds it), handing
 * every new entry over in log order. When Redis goes away it tries again from the last
 * entry it saw, so a Redis restarted from its AOF is followed on without a gap.
 */
export class LogTail {
  private closed = false;
  /** The last entry read, and the last one handed over (and folded). */
  private lastId: string;
  private deliveredId: string;
  private readonly waiters: { id: string; resolve: () => void }[] = [];

  constructor(
    private readonly client: RedisClient,
    private readonly key: string,
    after: string,
    private readonly deliver: (entries: LogEntry[]) => Promise<void>,
  ) {
    this.lastId = after;
    this.deliveredId = after;
  }

  /** Resolves once every entry up to `id` has been handed over. */
  reached(id: string): Promise<void> {
    if (compareIds(id, this.deliveredId) <= 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ id, resolve }));
  }

  async run(): Promise<void> {
    while (!this.closed) {
      let reply: StreamReply;
      try {
        reply = (await this.client.sendCommand(['XREAD', 'COUNT', '2000', 'BLOCK', '1000', 'STREAMS', this.key, this.lastId])) as StreamReply;
      } catch {
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const entries = reply?.[0]?.[1];
      if (!entries || entries.length === 0) continue;
      const parsed = parseEntries(entries);
      this.lastId = parsed.at(-1)!.id;
      await this.deliver(parsed);
      this.settleUpTo(this.lastId);
    }
  }

  /** Called by `deliver` mid-batch, so a command waiting on an entry goes on before later entries fold. */
  settleUpTo(id: string): void {
    if (compareIds(id, this.deliveredId) > 0) this.deliveredId = id;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (compareIds(waiter.id, id) <= 0) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  close(): void {
    this.closed = true;
    // Whoever still waits is told by its own deadline: the store rejects them.
  }
}

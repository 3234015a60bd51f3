import { randomUUID } from 'node:crypto';
import type { RestoredSession, SessionRecord } from '../records.ts';
import { responsesFrom, restoredFrom } from '../restored-from.ts';
import type { SessionStore } from '../session-store.ts';
import { APPEND_FUNCTION } from './log-function.ts';
import { REDIS_TIMEOUT_MS, RedisUnavailableError, redactedUrl, withTimeout, type RedisClient } from './redis-connection.ts';
import { sessionKeys } from './redis-keys.ts';
import { LogTail, type LogEntry } from './redis-log-tail.ts';

/** Which records carry an idempotency key: a re-sent answer or upvote is appended once. */
function dedupKey(record: SessionRecord): string {
  if (record.kind === 'answer') return `answer:${record.answerId}`;
  if (record.kind === 'vote') return `vote:${record.questionId}/${record.entryId}/${record.participantId}`;
  return '';
}

/**
 * The store of a node in a cluster: Redis holds the session's log, and every node folds
 * it. A commit is appended with its idempotency check by one Redis Function call, and
 * resolves only once Redis replied (after its fsync, with `appendfsync always`) and this
 * node's own tail has folded the log up to it: so the engine counts in log order, the
 * same order on every node.
 */
export class RedisStore implements SessionStore {
  readonly location: string;
  /** Tells this node's records apart from other nodes' in the log. */
  readonly nodeId = randomUUID();
  private tail: LogTail | undefined;
  /** Every record folded so far, for readBack (a dev reload, the export). */
  private readonly history: SessionRecord[];
  private readonly lastReplayedId: string;
  /** Appends sent and not yet answered: close lets them finish (or time out) first. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly client: RedisClient,
    private readonly tailClient: RedisClient,
    url: string,
    private readonly sessionId: string,
    /** The log as replayed at start, and the id of its last entry. */
    replayed: { records: SessionRecord[]; lastId: string },
  ) {
    this.location = `Redis at ${redactedUrl(url)}`;
    this.history = [...replayed.records];
    this.lastReplayedId = replayed.lastId;
  }

  async commit(sessionId: string, records: readonly SessionRecord[]): Promise<void> {
    const committing = this.append(sessionId, records);
    this.inFlight.add(committing);
    try {
      await committing;
    } finally {
      this.inFlight.delete(committing);
    }
  }

  private async append(sessionId: string, records: readonly SessionRecord[]): Promise<void> {
    if (sessionId !== this.sessionId) throw new Error(`this node serves session ${this.sessionId}, not ${sessionId}`);
    const keys = sessionKeys(sessionId);
    const args = records.flatMap((record) => [dedupKey(record), JSON.stringify(record)]);
    let reply: unknown;
    try {
      reply = await withTimeout(
        this.client.sendCommand(['FCALL', APPEND_FUNCTION, '2', keys.log, keys.seen, this.nodeId, ...args]),
        REDIS_TIMEOUT_MS,
        `${this.location} is unreachable`,
      );
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      throw new RedisUnavailableError(`${this.location} is unreachable (${(error as Error).message})`);
    }
    // Committed: counted once this node's tail has folded it, in log order.
    if (typeof reply === 'string' && this.tail) {
      await withTimeout(this.tail.reached(reply), REDIS_TIMEOUT_MS, `${this.location} is slow to hand back the log`);
    }
  }

  readBack(sessionId: string): RestoredSession {
    if (sessionId !== this.sessionId) throw new Error(`this node serves session ${this.sessionId}, not ${sessionId}`);
    return restoredFrom(this.history);
  }

  responses(sessionId: string) {
    if (sessionId !== this.sessionId) throw new Error(`this node serves session ${this.sessionId}, not ${sessionId}`);
    return responsesFrom(this.history);
  }

  follow(sessionId: string, apply: (records: readonly SessionRecord[], fromElsewhere: boolean) => void): void {
    if (this.tail) throw new Error('the log is followed once per node');
    const tail = new LogTail(this.tailClient, sessionKeys(sessionId).log, this.lastReplayedId, async (entries) => {
      for (const run of runsOf(entries, this.nodeId)) {
        const records = run.entries.map((entry) => entry.record);
        this.history.push(...records);
        apply(records, run.fromElsewhere);
        // A reset waits for its discard: it clears the question before later entries count.
        if (!run.fromElsewhere && records.at(-1)!.kind === 'discard') {
          tail.settleUpTo(run.entries.at(-1)!.id);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    });
    this.tail = tail;
    void tail.run();
  }

  async close(): Promise<void> {
    this.tail?.close();
    // Writes still on the wire get their replies, each within its own deadline: a Redis that does not
    // answer (paused, unreachable) must not keep the node from stopping, and what it never confirmed
    // was never acknowledged. Then both connections end (the tail's waits in a blocking read).
    await Promise.allSettled([...this.inFlight]);
    this.tailClient.destroy();
    this.client.destroy();
  }
}

/** Consecutive entries of one origin (this node, or elsewhere), split after this node's resets. */
function runsOf(entries: LogEntry[], nodeId: string): { fromElsewhere: boolean; entries: LogEntry[] }[] {
  const runs: { fromElsewhere: boolean; entries: LogEntry[] }[] = [];
  let current: (typeof runs)[number] | undefined;
  for (const entry of entries) {
    const fromElsewhere = entry.node !== nodeId;
    if (!current || current.fromElsewhere !== fromElsewhere) {
      current = { fromElsewhere, entries: [] };
      runs.push(current);
    }
    current.entries.push(entry);
    if (!fromElsewhere && entry.record.kind === 'discard') current = undefined;
  }
  return runs;
}

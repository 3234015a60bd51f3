import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** How long a node waits for Redis before it says it is not there (ms). */
export const REDIS_TIMEOUT_MS = 2000;

/** Redis did not answer: nothing was acknowledged, the phones keep their answers and send them again. */
export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';
}

/**
 * A client that fails at once while Redis is away instead of queueing commands (the
 * phones keep what was not acknowledged) and reconnects by itself, every second at most.
 */
export async function connectRedis(url: string, role: string): Promise<RedisClient> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: REDIS_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    // Reported once per kind of failure: a Redis that is down for a minute is one line, not sixty.
    if (error.message !== lastError) console.error(`handsup: Redis (${role}): ${error.message}`);
    lastError = error.message;
  });
  client.on('ready', () => (lastError = ''));
  await withTimeout(client.connect(), REDIS_TIMEOUT_MS * 3, `cannot reach Redis at ${redactedUrl(url)}`).catch(async (error: unknown) => {
    client.destroy();
    throw error;
  });
  return client;
}

/** Races a Redis reply with a deadline; the command may still land later, and the log's idempotency makes a re-send safe. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer)) as Promise<T>;
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** The settings under which Redis keeps every acknowledged answer, with the value each must have. */
const REQUIRED: [setting: string, value: string][] = [
  ['appendonly', 'yes'],
  ['appendfsync', 'always'],
  ['maxmemory-policy', 'noeviction'],
];

/**
 * Problems that would let Redis lose an acknowledged answer (no AOF, fsync not on every
 * write, eviction), each with the command that fixes it; empty when it is safe.
 */
export async function persistenceProblems(client: RedisClient, url: string): Promise<string[]> {
  const target = redisCliTarget(url);
  const problems: string[] = [];
  for (const [setting, value] of REQUIRED) {
    let actual: string | undefined;
    try {
      const reply = (await client.sendCommand(['CONFIG', 'GET', setting])) as string[];
      actual = reply[1];
    } catch (error) {
      problems.push(`cannot read its setting ${setting} (${(error as Error).message}); check that it is ${value}`);
      continue;
    }
    if (actual !== value) problems.push(`${setting} is ${actual ?? 'unset'}, must be ${value}: redis-cli ${target} CONFIG SET ${setting} ${value}`);
  }
  return problems;
}

function redisCliTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `-h ${parsed.hostname} -p ${parsed.port || '6379'}`;
  } catch {
    return `-u ${url}`;
  }
}

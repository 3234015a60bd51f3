/**
 * Phones are spread over a few shard rooms so that a message to thousands of them goes
 * out a shard per event-loop turn: acknowledgements and the presenter's updates get
 * their turn in between instead of waiting behind ten thousand writes.
 */
export const AUDIENCE_SHARDS = 64;

export function shardOf(participantId: string): number {
  let hash = 0;
  for (let i = 0; i < participantId.length; i += 1) hash = (hash * 31 + participantId.charCodeAt(i)) | 0;
  return Math.abs(hash) % AUDIENCE_SHARDS;
}

export const audienceRoom = (shard: number) => `audience:${shard}`;

/** Runs `send` for each shard, one per event-loop turn. */
export function eachShardInTurn(send: (shard: number) => void): void {
  const next = (shard: number) => {
    if (shard >= AUDIENCE_SHARDS) return;
    send(shard);
    setImmediate(() => next(shard + 1));
  };
  next(0);
}

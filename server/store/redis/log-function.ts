import type { RedisClient } from './redis-connection.ts';

/**
 * Appends records to a session's log with their idempotency check in one atomic step:
 * a record with a dedup key (an answer id, an upvote) is appended only when that key is
 * new. Returns the id of the log's last entry, so the caller can wait until its own tail
 * has folded that far. Loaded with FUNCTION LOAD REPLACE: the same code on every node.
 */
const LIBRARY = `#!lua name=handsup
redis.register_function('handsup_append', function(keys, args)
  local log, seen = keys[1], keys[2]
  local node = args[1]
  local last = false
  for i = 2, #args, 2 do
    local dedup, record = args[i], args[i + 1]
    if dedup == '' or redis.call('HSETNX', seen, dedup, '1') == 1 then
      last = redis.call('XADD', log, '*', 'node', node, 'record', record)
    end
  end
  if not last then
    local tip = redis.call('XREVRANGE', log, '+', '-', 'COUNT', 1)
    if #tip > 0 then last = tip[1][1] end
  end
  return last
end)
`;

export const APPEND_FUNCTION = 'handsup_append';

export async function loadLogFunction(client: RedisClient): Promise<void> {
  await client.sendCommand(['FUNCTION', 'LOAD', 'REPLACE', LIBRARY]);
}

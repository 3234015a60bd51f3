/**
 * How big and how deep a decoded message is, worked out with an explicit stack (never
 * recursion, never JSON.stringify: a payload nested ten thousand deep must not overflow
 * anything) and given up as soon as either limit is passed, so a huge message costs
 * no more than a small one.
 */
export type Measure = { ok: true } | { ok: false; reason: 'size' | 'depth' };

// The work list, kept between calls (measuring is synchronous, so calls never overlap):
// measuring every inbound event allocates nothing.
const pending: unknown[] = [];
const depths: number[] = [];

export function measureMessage(values: readonly unknown[], maxBytes: number, maxDepth: number): Measure {
  pending.length = 0;
  depths.length = 0;
  for (const value of values) {
    pending.push(value);
    depths.push(1);
  }
  try {
    return measurePending(maxBytes, maxDepth);
  } finally {
    // Nothing a client sent stays referenced.
    pending.length = 0;
    depths.length = 0;
  }
}

function measurePending(maxBytes: number, maxDepth: number): Measure {
  let bytes = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    const depth = depths.pop()!;
    if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) bytes += 8;
    else if (typeof value === 'object') {
      if (depth > maxDepth) return { ok: false, reason: 'depth' };
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) {
        bytes += 2 + value.length;
        if (bytes > maxBytes) return { ok: false, reason: 'size' };
        for (const item of value) {
          pending.push(item);
          depths.push(depth + 1);
        }
      } else {
        for (const key in value) {
          bytes += key.length + 4;
          if (bytes > maxBytes) return { ok: false, reason: 'size' };
          pending.push((value as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    } else bytes += 8;
    if (bytes > maxBytes) return { ok: false, reason: 'size' };
  }
  return MEASURED_OK;
}

const MEASURED_OK: Measure = Object.freeze({ ok: true });

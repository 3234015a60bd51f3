/**
 * How big and how deep a decoded message is, worked out with an explicit stack (never
 * recursion, never JSON.stringify: a payload nested ten thousand deep must not overflow
 * anything) and given up as soon as either limit is passed, so a huge message costs
 * no more than a small one.
 */
export type Measure = { ok: true } | { ok: false; reason: 'size' | 'depth' };

export function measureMessage(values: readonly unknown[], maxBytes: number, maxDepth: number): Measure {
  const stack: [unknown, number][] = values.map((value) => [value, 1]);
  let bytes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) bytes += 8;
    else if (typeof value === 'object') {
      if (depth > maxDepth) return { ok: false, reason: 'depth' };
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) {
        bytes += 2 + value.length;
        if (bytes > maxBytes) return { ok: false, reason: 'size' };
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        for (const key in value) {
          bytes += key.length + 4;
          if (bytes > maxBytes) return { ok: false, reason: 'size' };
          stack.push([(value as Record<string, unknown>)[key], depth + 1]);
        }
      }
    } else bytes += 8;
    if (bytes > maxBytes) return { ok: false, reason: 'size' };
  }
  return { ok: true };
}

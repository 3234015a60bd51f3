import { normaliseJoinCode } from '../protocol/join-code.ts';

/** The code in a /j/CODE address (the QR code's target), tidied; undefined on /join. */
export function joinCodeFromPath(pathname: string): string | undefined {
  const match = /^\/j\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  let raw: string;
  try {
    raw = decodeURIComponent(match[1]!);
  } catch {
    raw = match[1]!;
  }
  const code = normaliseJoinCode(raw);
  return code || undefined;
}

export function pathForJoinCode(code: string): string {
  return `/j/${encodeURIComponent(code)}`;
}

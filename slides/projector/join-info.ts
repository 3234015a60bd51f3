import { JOIN_JSON_PATH, type JoinInfo } from '../../protocol/routes.ts';

export type { JoinInfo };

/** The join address, code and QR code, fetched once; undefined when the server cannot say. */
export async function loadJoinInfo(): Promise<JoinInfo | undefined> {
  const response = await fetch(JOIN_JSON_PATH, { cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok) return undefined;
  return (await response.json()) as JoinInfo;
}

/** The address to read out and type: host and port, and the page that asks for the code. */
export function shortJoinAddress(join: JoinInfo): string {
  const url = new URL(join.url);
  return `${url.host}/join`;
}

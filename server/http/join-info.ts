import QRCode from 'qrcode';
import type { IncomingMessage } from 'node:http';
import type { JoinInfo } from '../../protocol/routes.ts';
import { baseUrl, lanAddresses } from '../net/lan-addresses.ts';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * The join address for phones: the public address given with `--url` (a reverse proxy, a
 * venue DNS name); else the host the projector was opened on, unless that is loopback (the
 * presenter's own laptop), in which case the laptop's address on the default route.
 */
export function joinOrigin(req: IncomingMessage, listenHost: string, port: number, publicUrl?: string): string {
  if (publicUrl) return publicUrl;
  const host = req.headers.host;
  if (host && !LOOPBACK.test(host)) return `http://${host}`;
  return baseUrl(lanAddresses(listenHost)[0]!, port);
}

const qrCache = new Map<string, string>();

export async function joinInfo(origin: string, joinCode: string): Promise<JoinInfo> {
  const url = `${origin}/j/${joinCode}`;
  let qrSvg = qrCache.get(url);
  if (!qrSvg) {
    // A quiet zone of 4 modules (the QR standard's): phone cameras find the code from across the room.
    qrSvg = await QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
    qrCache.set(url, qrSvg);
  }
  return { code: joinCode, url, qrSvg };
}

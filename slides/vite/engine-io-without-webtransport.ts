import type { Plugin } from 'vite';

const TRANSPORTS = /[\\/]node_modules[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;

/**
 * engine.io-client registers three transports: WebSocket, long-polling and WebTransport.
 * handsup's pages ask for the first two only (protocol/live-socket.ts) and the
 * server offers no WebTransport, but the registry keeps its code in every page: 0.4 KB
 * gzipped of the phone page's 25 KB budget. Its two WebTransport lines are dropped.
 */
export function engineIoWithoutWebTransport(): Plugin {
  return {
    name: 'handsup-engine-io-without-webtransport',
    enforce: 'pre',
    transform(code, id) {
      if (!TRANSPORTS.test(id)) return null;
      const trimmed = code.replace(/^import \{ WT \} from "\.\/webtransport\.js";\n/m, '').replace(/^\s*webtransport: WT,\n/m, '');
      if (/\bWT\b/.test(trimmed)) {
        this.error('engine.io-client changed shape: its WebTransport lines are not the two this plugin drops (slides/vite/engine-io-without-webtransport.ts)');
      }
      return { code: trimmed, map: null };
    },
  };
}

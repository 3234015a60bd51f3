import type { Plugin } from 'vite';

/** engine.io-client's transport registry, what io() looks transports up in. */
const TRANSPORTS = /[\\/]node_modules[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;
/** Long-polling over XMLHttpRequest: it registers page-unload handlers when loaded, so only this says it can go. */
const XHR_POLLING = /[\\/]node_modules[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]polling-xhr\.js$/;
/** socket.io-parser's binary attachments (Blob, ArrayBuffer, File in a payload). */
const BINARY = /[\\/]node_modules[\\/]socket\.io-parser[\\/]build[\\/]esm[\\/]binary\.js$/;
const IS_BINARY = /[\\/]node_modules[\\/]socket\.io-parser[\\/]build[\\/]esm[\\/]is-binary\.js$/;

const REGISTRY_LINES: [RegExp, string][] = [
  [/^import \{ XHR \} from "\.\/polling-xhr\.node\.js";\n/m, 'import { Fetch } from "./polling-fetch.js";\n'],
  [/^import \{ WT \} from "\.\/webtransport\.js";\n/m, ''],
  [/^\s*webtransport: WT,\n/m, ''],
  [/^(\s*)polling: XHR,\n/m, '$1polling: Fetch,\n'],
];

/**
 * The Socket.IO client the pages need, within the phone page's 25 KB budget (SPEC.md).
 * handsup's pages ask for WebSocket, then long-polling (slides/shared/live-socket.ts), and
 * send JSON only (protocol/events.ts). engine.io-client and socket.io-parser carry more:
 *
 * - a WebTransport transport the server does not offer (0.4 KB gzipped): dropped;
 * - long-polling over XMLHttpRequest, with fallbacks for old browsers (IE's XDomainRequest):
 *   the registry gets engine.io-client's own fetch() long-polling instead (0.7 KB less);
 * - binary attachments: never sent by handsup, so packets are JSON (0.4 KB less). A binary
 *   frame from a server would be refused by the parser ("Unknown type"), not misread.
 *
 * Every rewrite checks the library's shape and stops the build if it changed.
 */
export function slimSocketClient(): Plugin {
  return {
    name: 'handsup-slim-socket-client',
    enforce: 'pre',
    transform(code, id) {
      if (TRANSPORTS.test(id)) {
        let rewritten = code;
        for (const [line, replacement] of REGISTRY_LINES) {
          if (!line.test(rewritten)) this.error(`engine.io-client changed shape: its transport registry has no line ${line} (slides/vite/slim-socket-client.ts)`);
          rewritten = rewritten.replace(line, replacement);
        }
        return { code: rewritten, map: null };
      }
      if (XHR_POLLING.test(id)) return { code, map: null, moduleSideEffects: false };
      if (BINARY.test(id) || IS_BINARY.test(id)) {
        const exported = BINARY.test(id) ? ['deconstructPacket', 'reconstructPacket'] : ['isBinary', 'hasBinary'];
        for (const name of exported) {
          if (!new RegExp(`^export function ${name}\\(`, 'm').test(code)) this.error(`socket.io-parser changed shape: ${id} has no ${name} (slides/vite/slim-socket-client.ts)`);
        }
        return {
          code: BINARY.test(id)
            ? 'export const deconstructPacket = (packet) => ({ packet, buffers: [] });\nexport const reconstructPacket = (packet) => packet;\n'
            : 'export const isBinary = () => false;\nexport const hasBinary = () => false;\n',
          map: null,
        };
      }
      return null;
    },
  };
}

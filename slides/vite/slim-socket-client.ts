import type { Plugin } from 'vite';

const inPackage = (path: string) => new RegExp(`[\\\\/]node_modules[\\\\/]${path.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]')}$`);

/** engine.io-client's transport registry, what io() looks transports up in. */
const TRANSPORTS = inPackage('engine.io-client/build/esm/transports/index.js');
/** socket.io-client's Manager: it takes the parser as a namespace object, which costs every page Rolldown's runtime helpers. */
const MANAGER = inPackage('socket.io-client/build/esm/manager.js');
const MANAGER_LINES: [RegExp, string][] = [[/^import \* as parser from "socket\.io-parser";\n/m, 'import { Encoder, Decoder } from "socket.io-parser";\nconst parser = { Encoder, Decoder };\n']];

/** Long-polling over XMLHttpRequest: it registers page-unload handlers when loaded, so only this says it can go. */
const XHR_POLLING = inPackage('engine.io-client/build/esm/transports/polling-xhr.js');

const REGISTRY_LINES: [RegExp, string][] = [
  [/^import \{ XHR \} from "\.\/polling-xhr\.node\.js";\n/m, 'import { Fetch } from "./polling-fetch.js";\n'],
  [/^import \{ WT \} from "\.\/webtransport\.js";\n/m, ''],
  [/^\s*webtransport: WT,\n/m, ''],
  [/^(\s*)polling: XHR,\n/m, '$1polling: Fetch,\n'],
];

/** Binary payloads, in JSON-only stand-ins: the module, the functions it must export, and what replaces it. */
const JSON_ONLY: { module: RegExp; exports: string[]; code: string }[] = [
  {
    // socket.io-parser: Blob, ArrayBuffer or File attachments in an event.
    module: inPackage('socket.io-parser/build/esm/is-binary.js'),
    exports: ['isBinary', 'hasBinary'],
    code: 'export const isBinary = () => false;\nexport const hasBinary = () => false;\n',
  },
  {
    module: inPackage('socket.io-parser/build/esm/binary.js'),
    exports: ['deconstructPacket', 'reconstructPacket'],
    code: 'export const deconstructPacket = (packet) => ({ packet, buffers: [] });\nexport const reconstructPacket = (packet) => packet;\n',
  },
  {
    // engine.io-parser: a packet out is text (Blob and ArrayBuffer data would go out as such, or base64 over polling).
    module: inPackage('engine.io-parser/build/esm/encodePacket.browser.js'),
    exports: ['encodePacket', 'encodePacketToBinary'],
    code:
      'import { PACKET_TYPES } from "./commons.js";\n' +
      'const refuse = () => {\n  throw new Error("handsup sends no binary frames");\n};\n' +
      'export const encodePacket = ({ type, data }, _binary, callback) => (data === undefined || typeof data === "string" ? callback(PACKET_TYPES[type] + (data || "")) : refuse());\n' +
      'export const encodePacketToBinary = refuse;\n',
  },
  {
    // engine.io-parser: a packet in is text; a binary one (or base64, "b…") is a parse error, as an unknown type is.
    module: inPackage('engine.io-parser/build/esm/decodePacket.browser.js'),
    exports: ['decodePacket'],
    code:
      'import { ERROR_PACKET, PACKET_TYPES_REVERSE } from "./commons.js";\n' +
      'export const decodePacket = (encoded) => {\n' +
      '  const type = typeof encoded === "string" ? PACKET_TYPES_REVERSE[encoded.charAt(0)] : undefined;\n' +
      '  if (!type) return ERROR_PACKET;\n' +
      '  return encoded.length > 1 ? { type, data: encoded.substring(1) } : { type };\n' +
      '};\n',
  },
  {
    // engine.io-parser: a binary frame over long-polling comes base64-encoded.
    module: inPackage('engine.io-parser/build/esm/contrib/base64-arraybuffer.js'),
    exports: ['encode', 'decode'],
    code: 'const refuse = () => {\n  throw new Error("handsup sends no binary frames");\n};\nexport const encode = refuse;\nexport const decode = refuse;\n',
  },
];

/**
 * The Socket.IO client the pages need, within the phone page's 25 KB budget (SPEC.md).
 * handsup's pages ask for WebSocket, then long-polling (protocol/live-socket.ts), and
 * send JSON only (protocol/events.ts). engine.io-client and its parsers carry more:
 *
 * - a WebTransport transport the server does not offer (0.4 KB gzipped): dropped;
 * - long-polling over XMLHttpRequest, with fallbacks for old browsers (IE's XDomainRequest):
 *   the registry gets engine.io-client's own fetch() long-polling instead (0.7 KB less);
 * - the parser taken as a namespace object (a Rolldown runtime helper in every page): named imports;
 * - binary attachments, binary and base64 frames: never sent by handsup, so packets are JSON
 *   text (0.6 KB less). A binary frame from a server is a parse error, never misread.
 *
 * Every rewrite checks the library's shape and stops the build if it changed.
 */
export function slimSocketClient(): Plugin {
  return {
    name: 'handsup-slim-socket-client',
    enforce: 'pre',
    transform(code, id) {
      const lines = TRANSPORTS.test(id) ? REGISTRY_LINES : MANAGER.test(id) ? MANAGER_LINES : undefined;
      if (lines) {
        let rewritten = code;
        for (const [line, replacement] of lines) {
          if (!line.test(rewritten)) this.error(`${id} changed shape: it has no line ${line} (slides/vite/slim-socket-client.ts)`);
          rewritten = rewritten.replace(line, replacement);
        }
        return { code: rewritten, map: null };
      }
      if (XHR_POLLING.test(id)) return { code, map: null, moduleSideEffects: false };
      const stub = JSON_ONLY.find(({ module }) => module.test(id));
      if (!stub) return null;
      for (const name of stub.exports) {
        if (!new RegExp(`^export (?:(?:function|const) ${name}\\b|\\{[^}]*\\b${name}\\b)`, 'm').test(code)) this.error(`${id} changed shape: it has no ${name} (slides/vite/slim-socket-client.ts)`);
      }
      return { code: stub.code, map: null };
    },
  };
}

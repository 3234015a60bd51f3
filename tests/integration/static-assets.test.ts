import { readFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServer, type ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A GET as it comes off the wire: no decompression (fetch would undo Content-Encoding). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The JS and CSS a page's HTML references (entry, modulepreloads, stylesheets). */
async function assetsOf(page: string): Promise<string[]> {
  const html = await (await fetch(`${server.url}${page}`)).text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
}

const BROWSER = 'gzip, deflate, br, zstd';
const decoders: Record<string, (body: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

describe.each([
  ['the phone page', '/join'],
  ['the projector page', '/'],
])('%s: assets compressed at build time, in the encoding the browser asks for', (_name, page) => {
  it('Brotli when accepted, gzip otherwise, as is otherwise — the same bytes once decoded', async () => {
    const assets = await assetsOf(page);
    const sent: Record<string, number> = {};
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const built = readFileSync(join(ROOT, 'dist', asset));
      for (const [accept, encoding] of [[BROWSER, 'br'], ['gzip, deflate', 'gzip'], ['identity', undefined], ['', undefined]] as const) {
        const { status, headers, body } = await rawGet(asset, accept ? { 'accept-encoding': accept } : {});
        expect(status, `${asset} (${accept})`).toBe(200);
        expect(headers['content-encoding'], `${asset} (${accept})`).toBe(encoding);
        expect(headers.vary, asset).toMatch(/Accept-Encoding/i);
        expect(headers['content-type'], asset).toMatch(asset.endsWith('.js') ? /^text\/javascript; charset=utf-8$/ : /^text\/css; charset=utf-8$/);
        expect(headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
        expect(Number(headers['content-length'])).toBe(body.length);
        sent[encoding ?? 'identity'] = (sent[encoding ?? 'identity'] ?? 0) + body.length;
        if (encoding) expect(body.length, `${asset} is smaller as ${encoding}`).toBeLessThan(built.length);
        expect((encoding ? decoders[encoding]!(body) : body).equals(built), `${asset} decoded from ${encoding ?? 'identity'}`).toBe(true);
      }
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    // identity was fetched twice (asked for, and no Accept-Encoding at all).
    console.log(`JS + CSS of ${page} as sent: br ${kb(sent.br!)}, gzip ${kb(sent.gzip!)}, identity ${kb(sent.identity! / 2)}`);
  });

  it('gives each encoding its own ETag and answers a matching If-None-Match with 304', async () => {
    const [asset] = await assetsOf(page);
    const br = await rawGet(asset!, { 'accept-encoding': BROWSER });
    const gzip = await rawGet(asset!, { 'accept-encoding': 'gzip' });
    const plain = await rawGet(asset!, {});
    const tags = [br, gzip, plain].map((response) => response.headers.etag);
    expect(tags.every(Boolean)).toBe(true);
    expect(new Set(tags).size).toBe(3);
    const again = await rawGet(asset!, { 'accept-encoding': BROWSER, 'if-none-match': br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

it('serves nothing from outside the built files, whatever the encoding asked for', async () => {
  const outside = await rawGet('/assets/%2e%2e/%2e%2e/package.json', { 'accept-encoding': BROWSER });
  expect(outside.status).toBe(404);
  expect(outside.headers['content-encoding']).toBeUndefined();
});

import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The built, hashed assets gzipped once (on first request) and served from memory to
 * browsers that accept gzip. A phone on a slow link then downloads the audience page's
 * JS and CSS at about a third of their size. Returns false when it does not apply, so
 * the caller serves the file as is.
 */
export function createGzipAssets(distDir: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const assetsDir = resolve(distDir, 'assets');
  const cache = new Map<string, { body: Buffer; type: string }>();

  return (req, res, pathname) => {
    if (!pathname.startsWith('/assets/') || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return false;
    const type = COMPRESSIBLE[extname(pathname)];
    if (!type) return false;
    let file: string;
    try {
      file = resolve(distDir, `.${decodeURIComponent(pathname)}`);
    } catch {
      return false;
    }
    if (!file.startsWith(assetsDir + sep)) return false;
    let entry = cache.get(file);
    if (!entry) {
      try {
        if (!statSync(file).isFile()) return false;
        entry = { body: gzipSync(readFileSync(file), { level: 9 }), type };
      } catch {
        return false;
      }
      cache.set(file, entry);
    }
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Encoding': 'gzip',
      'Content-Length': entry.body.length,
      Vary: 'Accept-Encoding',
      // File names carry a content hash: a new build means new names.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  };
}

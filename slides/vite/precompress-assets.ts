import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text formats; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|map)$/;
/** Below this, a request's headers outweigh what compression saves. */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality costs about 8 s per megabyte on this kind of machine: worth it for
 * the phone's files (tens of kilobytes, fetched over the venue's Wi-Fi), not for a big file
 * fetched once by the projector's laptop, which gets a quick quality still better than gzip.
 */
const BEST_QUALITY_UP_TO_BYTES = 256 * 1024;

async function compressed(source: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const quality = source.length <= BEST_QUALITY_UP_TO_BYTES ? constants.BROTLI_MAX_QUALITY : 6;
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzipped(source, { level: 9 }),
  ]);
  return { br, gz };
}

/**
 * Writes FILE.br and FILE.gz next to every built text asset, once, at build time, so the
 * server's static layer hands each browser the smallest encoding it accepts without
 * compressing anything per request. A variant that would not be smaller is left out.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'handsup:precompress-assets',
    apply: 'build',
    enforce: 'post',
    // After the files are written: what is compressed is exactly what is served.
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const files = Object.keys(bundle).filter((fileName) => COMPRESSIBLE.test(fileName));
      await Promise.all(
        files.map(async (fileName) => {
          const file = join(outDir, fileName);
          const source = await readFile(file);
          if (source.length < MIN_BYTES) return;
          const { br, gz } = await compressed(source);
          await Promise.all([
            br.length < source.length ? writeFile(`${file}.br`, br) : undefined,
            gz.length < source.length ? writeFile(`${file}.gz`, gz) : undefined,
          ]);
        }),
      );
    },
  };
}

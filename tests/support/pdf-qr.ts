import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';

const run = promisify(execFile);

/** A PGM (P5) picture as RGBA pixels: pdftoppm -gray writes it, jsQR reads RGBA. */
function pgmToRgba(pgm: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  // Header: "P5", width, height, max value, separated by whitespace; one byte per pixel after it.
  const header = pgm.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm did not write a PGM picture');
  const [, width, height] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index += 1) {
    data.fill(pixels[index]!, index * 4, index * 4 + 3);
    data[index * 4 + 3] = 255;
  }
  return { data, width, height };
}

/** What the QR code on a page of a PDF says, read as a phone's camera would; null when there is none. */
export async function qrCodeOnPdfPage(pdfFile: string, page: number): Promise<string | null> {
  const folder = mkdtempSync(join(tmpdir(), 'handsup-qr-'));
  try {
    const stem = join(folder, 'page');
    await run('pdftoppm', ['-gray', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, stem]);
    const { data, width, height } = pgmToRgba(readFileSync(`${stem}.pgm`));
    return jsQR(data, width, height)?.data ?? null;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

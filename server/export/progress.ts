/**
 * How an export tells the person waiting what it is doing. Chromium prints a PDF in one
 * call with no per-page callback, so the steps are the honest ones: results drawn per
 * question slide, pages laid out, then printing them all at once.
 */
export interface ExportProgress {
  /** A step starts. */
  step(label: string): void;
  /** A counted step moved on. */
  count(label: string, done: number, total: number): void;
  /** Worth knowing; the export goes on. */
  warn(message: string): void;
  /** The export is over (done or failed): leave the terminal clean. */
  end(): void;
}

export const silentProgress: ExportProgress = { step() {}, count() {}, warn() {}, end() {} };

const BAR_WIDTH = 24;
const PREFIX = 'handsup export:';

function bar(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

/**
 * On a terminal: one status line redrawn in place, with a bar for counted steps. Into a
 * file or a pipe: plain lines, one per step, and a counted step once it is complete.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ExportProgress {
  if (!stream.isTTY) {
    return {
      step: (label) => stream.write(`${PREFIX} ${label}…\n`),
      count: (label, done, total) => {
        if (done === total) stream.write(`${PREFIX} ${label} ${done}/${total}\n`);
      },
      warn: (message) => stream.write(`${PREFIX} warning: ${message}\n`),
      end: () => undefined,
    };
  }
  let status = '';
  const draw = (line: string) => {
    status = line.slice(0, Math.max(20, (stream.columns || 80) - 1));
    stream.write(`\r\x1b[2K${status}`);
  };
  return {
    step: (label) => draw(`${PREFIX} ${label}…`),
    count: (label, done, total) => draw(`${PREFIX} ${bar(done, total)} ${done}/${total} ${label}`),
    warn: (message) => {
      stream.write(`\r\x1b[2K${PREFIX} warning: ${message}\n`);
      if (status) stream.write(status);
    },
    end: () => {
      if (status) stream.write('\r\x1b[2K');
      status = '';
    },
  };
}

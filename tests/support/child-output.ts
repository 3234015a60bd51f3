import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  /** Everything the process printed so far, stdout and stderr as they came. */
  text(): string;
  /**
   * Resolves with the first match of `pattern` in what the process printed, once it prints it;
   * rejects with what it did print if it exits first, or after `limitMs` when one is given.
   */
  printed(pattern: RegExp, limitMs?: number): Promise<RegExpExecArray>;
}

/** Gathers what a child process prints (each chunk through `clean`, e.g. to strip colours) and waits for lines of it. */
export function watchOutput(child: ChildProcess, what: string, clean: (chunk: string) => string = (chunk) => chunk): ChildOutput {
  let output = '';
  const append = (chunk: Buffer) => (output += clean(chunk.toString()));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  return {
    text: () => output,
    printed: (pattern, limitMs) =>
      new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const stopWaiting = () => {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.stderr!.off('data', check);
          child.off('exit', exited);
        };
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return false;
          stopWaiting();
          resolve(match);
          return true;
        };
        const exited = (code: number | null) => {
          stopWaiting();
          reject(new Error(`${what} exited with ${code} before printing ${pattern}:\n${output}`));
        };
        if (limitMs !== undefined) {
          timer = setTimeout(() => {
            stopWaiting();
            reject(new Error(`${what} did not print ${pattern} in ${limitMs / 1000} s; it printed:\n${output}`));
          }, limitMs);
        }
        child.stdout!.on('data', check);
        child.stderr!.on('data', check);
        child.once('exit', exited);
        if (!check() && (child.exitCode !== null || child.signalCode !== null)) exited(child.exitCode);
      }),
  };
}

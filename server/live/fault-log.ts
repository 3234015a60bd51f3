/**
 * Logs a failure once: the first time with its stack, and a repeat of the same failure
 * as a count at most once a minute, so a client that triggers one bug in a loop cannot
 * flood the log (or the disk it sits on).
 */
export class FaultLog {
  private readonly seen = new Map<string, { repeats: number; reportedAt: number }>();

  constructor(
    private readonly write: (line: string) => void = (line) => console.error(line),
    private readonly now: () => number = Date.now,
  ) {}

  report(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${what}\n${message}`;
    const earlier = this.seen.get(key);
    const now = this.now();
    if (!earlier) {
      if (this.seen.size > 1000) this.seen.clear();
      this.seen.set(key, { repeats: 0, reportedAt: now });
      this.write(`handsup: ${what} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      return;
    }
    earlier.repeats += 1;
    if (now - earlier.reportedAt < 60_000) return;
    this.write(`handsup: ${what} failed again (${earlier.repeats} times since): ${message}`);
    earlier.repeats = 0;
    earlier.reportedAt = now;
  }

  /** Runs a timer's or an effect's work; a throw (or a rejected promise) is logged, never rethrown. */
  safely(what: string, work: () => unknown): void {
    try {
      const outcome = work();
      if (outcome instanceof Promise) outcome.catch((error: unknown) => this.report(what, error));
    } catch (error) {
      this.report(what, error);
    }
  }
}

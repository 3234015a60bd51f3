/**
 * Coalesces results updates: at most one send per question per interval, so a burst of a
 * thousand answers costs a handful of broadcasts, never one per vote. With `leading` (the
 * default) a quiet question's first change goes out at once and the rest at the trailing
 * edge; without it (a big room's phones) the first change waits an interval too, so a
 * burst's answers reach ten thousand phones in one message each, after the burst.
 */
export class ResultsBroadcaster {
  private readonly lastSentAt = new Map<string, number>();
  /** When each changed question's next send is due. */
  private readonly dueAt = new Map<string, number>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();

  /** `intervalMs` may be a function: the phones' interval grows with the size of the room. */
  constructor(
    private readonly send: (questionId: string) => void,
    private readonly intervalMs: number | (() => number) = 150,
    private readonly leading: () => boolean = () => true,
  ) {}

  changed(questionId: string): void {
    const now = Date.now();
    let due = this.dueAt.get(questionId);
    if (due === undefined) {
      const interval = typeof this.intervalMs === 'function' ? this.intervalMs() : this.intervalMs;
      const earliest = (this.lastSentAt.get(questionId) ?? -Infinity) + interval;
      due = Math.max(earliest, this.leading() ? now : now + interval);
      this.dueAt.set(questionId, due);
    }
    if (due <= now) {
      // Due now, even when a timer is set: inside one long turn of the event loop (a burst of
      // thousands of answers read at once) no timer fires, and the results must not wait for it.
      this.sendNow(questionId);
      return;
    }
    if (this.scheduled.has(questionId)) return;
    this.scheduled.set(
      questionId,
      setTimeout(() => this.sendNow(questionId), due - now),
    );
  }

  private sendNow(questionId: string): void {
    const timer = this.scheduled.get(questionId);
    if (timer) clearTimeout(timer);
    this.scheduled.delete(questionId);
    this.dueAt.delete(questionId);
    this.lastSentAt.set(questionId, Date.now());
    this.send(questionId);
  }

  /** Sends everything still waiting (at shutdown). */
  flush(): void {
    for (const questionId of [...this.dueAt.keys()]) this.sendNow(questionId);
  }
}

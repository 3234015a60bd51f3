/**
 * Coalesces results updates: at most one send per question per interval, sent at the
 * leading edge (a quiet question updates at once) and again at the trailing edge, so
 * a burst of a thousand answers costs a handful of broadcasts, never one per vote.
 */
export class ResultsBroadcaster {
  private readonly lastSentAt = new Map<string, number>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();

  /** `intervalMs` may be a function: the phones' interval grows with the size of the room. */
  constructor(
    private readonly send: (questionId: string) => void,
    private readonly intervalMs: number | (() => number) = 150,
  ) {}

  changed(questionId: string): void {
    const interval = typeof this.intervalMs === 'function' ? this.intervalMs() : this.intervalMs;
    const wait = (this.lastSentAt.get(questionId) ?? -Infinity) + interval - Date.now();
    const timer = this.scheduled.get(questionId);
    if (wait <= 0) {
      // Due now, even when a timer is set: inside one long turn of the event loop (a burst of
      // thousands of answers read at once) no timer fires, and the results must not wait for it.
      if (timer) clearTimeout(timer);
      this.scheduled.delete(questionId);
      this.sendNow(questionId);
      return;
    }
    if (timer) return;
    this.scheduled.set(
      questionId,
      setTimeout(() => {
        this.scheduled.delete(questionId);
        this.sendNow(questionId);
      }, wait),
    );
  }

  private sendNow(questionId: string): void {
    this.lastSentAt.set(questionId, Date.now());
    this.send(questionId);
  }

  /** Sends everything still waiting (at shutdown). */
  flush(): void {
    for (const [questionId, timer] of this.scheduled) {
      clearTimeout(timer);
      this.sendNow(questionId);
    }
    this.scheduled.clear();
  }
}

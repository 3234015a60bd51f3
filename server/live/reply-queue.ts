/** Sends one reply; it reports a callback that throws itself (the guard's `reply`). */
export type SendReply = (event: unknown, callback: ((reply: unknown) => void) | undefined, outcome: unknown) => void;

/** A task queued among the replies (afterReplies): run when its turn comes. */
const runTask: SendReply = (_event, _callback, task) => (task as () => void)();

/** Replies written in one turn of the event loop at most: a slice of ten thousand. */
const REPLIES_PER_TURN = 500;

/**
 * Replies that waited for a commit (answers, upvotes, nicknames, the presenter's
 * decisions) are written at the end of the event-loop turn, in the check phase, a slice
 * per turn. In a burst, ten thousand answers are read in one long turn and committed in
 * batches of thousands: written at once, each batch's acknowledgements (half the cost of
 * an answer) came before the next answers were even read, so the presenter's results for
 * the last answers waited behind nearly every acknowledgement of the burst. Queued here,
 * the turn's reads, commits and results come first, and the loop's timers (the last batch
 * still gathering, the coalesced results) get their turn between slices. In a quiet room
 * a reply still goes out in the turn it was settled in.
 */
export class ReplyQueue {
  /** [send, event, callback, outcome] per reply, flat: queuing a reply allocates nothing. */
  private readonly waiting: unknown[] = [];
  private head = 0;
  private scheduled = false;

  constructor(
    /** A send that threw (the guard's reports its own callbacks' throws: this is the last net). */
    private readonly report: (error: unknown) => void,
    private readonly perTurn = REPLIES_PER_TURN,
  ) {}

  add(send: SendReply, event: unknown, callback: ((reply: unknown) => void) | undefined, outcome: unknown): void {
    this.waiting.push(send, event, callback, outcome);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.writeSlice);
    }
  }

  /**
   * Runs `task` once every reply settled so far is written, those of this turn of the event
   * loop included: what a phone hears because of its answer (the results it changed) must
   * not overtake the answer's acknowledgement. The results change while the commit is
   * counted, before its acknowledgements are settled (in the microtasks that follow); the
   * task joins the queue from the check phase, by when they are all queued.
   */
  afterReplies(task: () => void): void {
    setImmediate(() => this.add(runTask, undefined, undefined, task));
  }

  /** Replies queued and not written yet. */
  get size(): number {
    return (this.waiting.length - this.head) / 4;
  }

  /** Writes every queued reply now (at shutdown, before the sockets close). */
  flush(): void {
    this.write(Infinity);
  }

  private readonly writeSlice = () => {
    this.scheduled = false;
    this.write(this.perTurn);
    if (this.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(this.writeSlice);
    }
  };

  private write(most: number): void {
    this.sendUpTo(Math.min(this.waiting.length, this.head + most * 4));
    if (this.head === this.waiting.length) {
      this.waiting.length = 0;
      this.head = 0;
    } else if (this.head > 4 * 4096 && this.head * 2 > this.waiting.length) {
      // Never drained under a steady stream: the written front is dropped once it is most of the array.
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }

  /**
   * The loop of write, with nothing after it: the first slice of a burst is optimised while it
   * runs, and code after such a loop has not run yet then (reaching it would throw that
   * optimised code away and compile it all again).
   */
  private sendUpTo(end: number): void {
    while (this.head < end) {
      const at = this.head;
      const send = this.waiting[at] as SendReply;
      const event = this.waiting[at + 1];
      const callback = this.waiting[at + 2] as ((reply: unknown) => void) | undefined;
      const outcome = this.waiting[at + 3];
      // Forgotten before it is sent: nothing a phone sent stays referenced, and a send that throws is not repeated.
      this.waiting[at] = this.waiting[at + 1] = this.waiting[at + 2] = this.waiting[at + 3] = undefined;
      this.head = at + 4;
      try {
        send(event, callback, outcome);
      } catch (error) {
        this.report(error);
      }
    }
  }
}

import { failure, type Failure } from '../../protocol/errors.ts';
import type { SendReply } from './reply-queue.ts';

/**
 * A reply that waits for a commit of the batched writer (an answer, an upvote): `reply`
 * once the commit is on disk and counted, `unavailable` when the store refused it. A
 * command returns this instead of a promise of its own: the commit is the batch's one
 * promise, shared by the thousands of answers of a burst.
 */
export class AfterCommit<R = unknown> {
  constructor(
    readonly commit: Promise<unknown>,
    readonly reply: R,
    /** What could not be saved, for the refusal ("the answer"). */
    readonly what: string,
  ) {}

  refusal(): Failure {
    return notSaved(this.what);
  }
}

/** The answer when the store refused a commit: `what` ("the answer", "the reset") could not be saved. */
export function notSaved(what: string): Failure {
  return failure('unavailable', `${what} could not be saved — try again in a moment`);
}

/**
 * What to do with one waiting reply once its commit settled: release the phone's lane
 * (`participantId`, when the command ran in one) and send `outcome`, the reply or the refusal, with `send`.
 */
export type SettleWaiter = (participantId: string | undefined, send: SendReply, event: unknown, callback: ((reply: unknown) => void) | undefined, outcome: unknown) => void;

/** Slots of one waiting reply in a group. */
const ENTRY = 5;

/**
 * Replies waiting for their commit, grouped by the commit: one subscription per batch,
 * however many answers it holds, and nothing per answer but five slots of an array. With a
 * promise chain per answer, a burst's ten thousand answers held ten thousand sets of
 * promises and closures until their batch was written, and the GC copied them all.
 */
export class CommitWaiters {
  /** commit → [participantId, send, event, callback, afterCommit] per waiting reply, flat. */
  private readonly groups = new Map<Promise<unknown>, unknown[]>();

  constructor(
    private readonly settle: SettleWaiter,
    /** A settle that threw: reported, and the rest of the group still settled. */
    private readonly report: (error: unknown) => void,
  ) {}

  add(afterCommit: AfterCommit, participantId: string | undefined, send: SendReply, event: unknown, callback: ((reply: unknown) => void) | undefined): void {
    const { commit } = afterCommit;
    let group = this.groups.get(commit);
    if (!group) {
      group = [];
      this.groups.set(commit, group);
      commit.then(
        () => this.settleGroup(commit, true),
        () => this.settleGroup(commit, false),
      );
    }
    group.push(participantId, send, event, callback, afterCommit);
  }

  /** Replies waiting for a commit now (for tests: a settled commit leaves none behind). */
  get size(): number {
    let waiting = 0;
    for (const group of this.groups.values()) waiting += group.length / ENTRY;
    return waiting;
  }

  private settleGroup(commit: Promise<unknown>, committed: boolean): void {
    const group = this.groups.get(commit)!;
    this.groups.delete(commit);
    for (let at = 0; at < group.length; at += ENTRY) {
      const afterCommit = group[at + 4] as AfterCommit;
      const callback = group[at + 3] as ((reply: unknown) => void) | undefined;
      try {
        this.settle(group[at] as string | undefined, group[at + 1] as SendReply, group[at + 2], callback, committed ? afterCommit.reply : afterCommit.refusal());
      } catch (error) {
        this.report(error);
      }
    }
  }
}

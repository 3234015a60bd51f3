import { AfterCommit } from './after-commit.ts';

/**
 * One phone's commands run one after another, however many sockets it uses: each is
 * decided on what the phone has committed so far (a quiz answer is final, a second
 * upvote is a duplicate) and never races its own earlier command to the disk.
 *
 * A phone with nothing in flight (nearly always: one answer per question) runs its
 * command at once, in the same turn, with no promise of the lane's own; only a command
 * that arrives while an earlier one of the same phone is still in flight waits in line.
 * Under a burst of ten thousand answers that is ten thousand promise chains fewer.
 *
 * A command that returns a promise holds its lane until the promise settles. One that
 * returns an AfterCommit (an answer waiting for its batch) holds it until `release` is
 * called: whoever gets the AfterCommit releases the lane once the commit settled (the
 * guard, for a whole batch at once), and the lane subscribes to nothing per answer.
 */
export class PhoneLanes {
  /** participantId → what waits behind the command in flight (NONE_WAITING: one in flight, none waiting). */
  private readonly waiting = new Map<string, (() => void)[]>();

  run<T>(participantId: string, work: () => T | Promise<T>): T | Promise<T> {
    let queue = this.waiting.get(participantId);
    if (queue) {
      if (queue === NONE_WAITING) this.waiting.set(participantId, (queue = []));
      const line = queue;
      return new Promise<T>((resolve, reject) => {
        line.push(() => {
          try {
            const outcome = this.start(participantId, work);
            if (outcome instanceof Promise) outcome.then(resolve, reject);
            else resolve(outcome);
          } catch (error) {
            reject(error as Error);
          }
        });
      });
    }
    return this.start(participantId, work);
  }

  /** The phone's AfterCommit is settled: its next command starts, or its lane is forgotten. */
  release(participantId: string): void {
    this.next(participantId);
  }

  /** How many phones have a command in flight (for tests: the lanes are forgotten once idle). */
  get busy(): number {
    return this.waiting.size;
  }

  private start<T>(participantId: string, work: () => T | Promise<T>): T | Promise<T> {
    let outcome: T | Promise<T>;
    try {
      outcome = work();
    } catch (error) {
      this.next(participantId);
      throw error;
    }
    const inFlight = outcome instanceof Promise || outcome instanceof AfterCommit;
    if (!inFlight) {
      this.next(participantId);
      return outcome;
    }
    if (!this.waiting.has(participantId)) this.waiting.set(participantId, NONE_WAITING);
    if (outcome instanceof Promise) {
      const done = () => this.next(participantId);
      outcome.then(done, done);
    }
    return outcome;
  }

  /** The command in flight is done: the next one in line starts, or the lane is forgotten. */
  private next(participantId: string): void {
    const queue = this.waiting.get(participantId);
    if (!queue) return;
    const following = queue === NONE_WAITING ? undefined : queue.shift();
    if (following) following();
    else this.waiting.delete(participantId);
  }
}

/** The lane of a phone with one command in flight and none behind it: shared, never pushed to (a burst makes no array per answer). */
const NONE_WAITING: (() => void)[] = [];

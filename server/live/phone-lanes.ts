/**
 * One phone's commands run one after another, however many sockets it uses: each is
 * decided on what the phone has committed so far (a quiz answer is final, a second
 * upvote is a duplicate) and never races its own earlier command to the disk.
 */
export class PhoneLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(participantId: string, work: () => T | Promise<T>): Promise<T> {
    const before = this.tails.get(participantId) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(participantId, tail);
    void tail.then(() => {
      if (this.tails.get(participantId) === tail) this.tails.delete(participantId);
    });
    return result;
  }
}

import { describe, expect, it } from 'vitest';
import { ReplyQueue, type SendReply } from '../../server/live/reply-queue.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A queue whose sends are recorded in order: [event, outcome]. */
function recorded(perTurn: number) {
  const sent: [unknown, unknown][] = [];
  const reported: unknown[] = [];
  const send: SendReply = (event, callback, outcome) => {
    sent.push([event, outcome]);
    callback?.(outcome);
  };
  return { queue: new ReplyQueue((error) => reported.push(error), perTurn), send, sent, reported };
}

describe('ReplyQueue', () => {
  it('writes a reply at the end of the turn it was queued in, not during it', async () => {
    const { queue, send, sent } = recorded(500);
    const answered: unknown[] = [];
    queue.add(send, 'answer:submit', (reply) => answered.push(reply), { ok: true });
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([['answer:submit', { ok: true }]]);
    expect(answered).toEqual([{ ok: true }]);
    expect(queue.size).toBe(0);
  });

  it('runs a task asked for while a commit is counted after the replies that commit settles, even in later slices', async () => {
    const { queue, send, sent } = recorded(2);
    // As a commit goes: the results change first, then its acknowledgements settle in the microtasks after it.
    queue.afterReplies(() => sent.push(['results', undefined]));
    await Promise.resolve().then(() => {
      for (let i = 0; i < 3; i += 1) queue.add(send, 'answer:submit', undefined, i);
    });
    for (let turn = 0; turn < 4; turn += 1) await nextTurn();
    expect(sent.map(([event]) => event)).toEqual(['answer:submit', 'answer:submit', 'answer:submit', 'results']);
  });

  it('writes a slice per turn, in the order the replies were queued, and lets timers run between slices', async () => {
    const { queue, send, sent } = recorded(3);
    let timerFiredAfter = -1;
    // Each write takes 2 ms, as writing a slice of a burst's replies takes time. The first one sets a
    // timer, due while its slice is still being written: it runs right after that slice, not after all.
    const slowSend: SendReply = (event, callback, outcome) => {
      if (sent.length === 0) setTimeout(() => (timerFiredAfter = sent.length), 0);
      const until = performance.now() + 2;
      while (performance.now() < until);
      send(event, callback, outcome);
    };
    for (let i = 0; i < 8; i += 1) queue.add(slowSend, 'answer:submit', undefined, i);
    await nextTurn();
    expect(sent.map(([, outcome]) => outcome)).toEqual([0, 1, 2]);
    expect(queue.size).toBe(5);
    while (queue.size > 0) await nextTurn();
    expect(sent.map(([, outcome]) => outcome)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(timerFiredAfter).toBe(3);
  });

  it('flush writes everything queued at once (at shutdown)', () => {
    const { queue, send, sent } = recorded(2);
    for (let i = 0; i < 5; i += 1) queue.add(send, 'answer:submit', undefined, i);
    queue.flush();
    expect(sent).toHaveLength(5);
    expect(queue.size).toBe(0);
  });

  it('reports a send that throws and goes on with the rest', async () => {
    const { queue, send, sent, reported } = recorded(10);
    const throwing: SendReply = () => {
      throw new Error('a broken callback');
    };
    queue.add(send, 'first', undefined, 1);
    queue.add(throwing, 'broken', undefined, 2);
    queue.add(send, 'third', undefined, 3);
    await nextTurn();
    expect(sent.map(([event]) => event)).toEqual(['first', 'third']);
    expect(reported).toEqual([new Error('a broken callback')]);
    expect(queue.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { AfterCommit, CommitWaiters } from '../../server/live/after-commit.ts';
import { PhoneLanes } from '../../server/live/phone-lanes.ts';
import { BatchWriter } from '../../server/store/batch-writer.ts';
import { ResultsBroadcaster } from '../../server/live/results-broadcaster.ts';

describe('phone lanes', () => {
  it("runs a phone's command at once when it has nothing in flight, and the next one only after it settles", async () => {
    const lanes = new PhoneLanes();
    const order: string[] = [];
    expect(lanes.run('p1', () => 'sync')).toBe('sync');
    let release!: () => void;
    const first = lanes.run('p1', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const second = lanes.run('p1', () => {
      order.push('second ran');
      return 'second';
    });
    // Another phone is not held up.
    expect(lanes.run('p2', () => 'other')).toBe('other');
    expect(order).toEqual([]);
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(order).toEqual(['second ran']);
    expect(lanes.busy).toBe(0);
  });

  it('goes on with the next command after one that throws or rejects', async () => {
    const lanes = new PhoneLanes();
    const failing = lanes.run('p1', () => Promise.reject(new Error('disk')));
    const throwing = lanes.run('p1', () => {
      throw new Error('bug');
    });
    const after = lanes.run('p1', () => 'after');
    await expect(failing).rejects.toThrow('disk');
    await expect(throwing).rejects.toThrow('bug');
    expect(await after).toBe('after');
    expect(() => lanes.run('p1', () => {
      throw new Error('at once');
    })).toThrow('at once');
    expect(lanes.busy).toBe(0);
  });
});

describe('replies waiting for their commit', () => {
  it("holds a phone's lane until its AfterCommit is released, and runs what waited behind it then", async () => {
    const lanes = new PhoneLanes();
    const commit = new AfterCommit(new Promise<void>(() => undefined), 'first', 'the answer');
    expect(lanes.run('p1', () => commit)).toBe(commit);
    const second = lanes.run('p1', () => 'second');
    expect(second).toBeInstanceOf(Promise);
    expect(lanes.busy).toBe(1);
    lanes.release('p1');
    expect(await second).toBe('second');
    expect(lanes.busy).toBe(0);
  });

  it('settles every reply of a commit once, in order, with the reply or the refusal, and forgets the commit', async () => {
    const settled: unknown[][] = [];
    const send = () => undefined;
    const waiters = new CommitWaiters((participantId, sender, event, _callback, outcome) => {
      expect(sender).toBe(send);
      settled.push([participantId, event, outcome]);
    }, () => undefined);
    let commit!: () => void;
    let refuse!: (error: Error) => void;
    const saved = new Promise<void>((resolve) => (commit = resolve));
    const lost = new Promise<void>((_resolve, reject) => (refuse = reject));
    waiters.add(new AfterCommit(saved, { ok: true, n: 1 }, 'the answer'), 'p1', send, 'answer:submit', undefined);
    waiters.add(new AfterCommit(lost, { ok: true, n: 2 }, 'the upvote'), undefined, send, 'qa:upvote', undefined);
    waiters.add(new AfterCommit(saved, { ok: true, n: 3 }, 'the answer'), 'p2', send, 'answer:submit', undefined);
    expect(waiters.size).toBe(3);
    commit();
    refuse(new Error('disk full'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([
      ['p1', 'answer:submit', { ok: true, n: 1 }],
      ['p2', 'answer:submit', { ok: true, n: 3 }],
      [undefined, 'qa:upvote', { ok: false, code: 'unavailable', message: 'the upvote could not be saved — try again in a moment' }],
    ]);
    expect(waiters.size).toBe(0);
  });

  it('settles the rest of a group when one settle throws, and reports it', async () => {
    const reported: unknown[] = [];
    const settled: string[] = [];
    const waiters = new CommitWaiters((participantId) => {
      if (participantId === 'p1') throw new Error('socket gone');
      settled.push(participantId!);
    }, (error) => reported.push(error));
    const saved = Promise.resolve();
    for (const participantId of ['p1', 'p2']) waiters.add(new AfterCommit(saved, { ok: true }, 'the answer'), participantId, () => undefined, 'answer:submit', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(['p2']);
    expect(reported).toHaveLength(1);
  });
});

describe('the batch writer', () => {
  it('commits what gathered in one write, each item settled by it; a re-sent key shares the commit', async () => {
    const writes: string[][] = [];
    const writer = new BatchWriter<string>((items) => void writes.push([...items]), (item) => item, 1);
    const a = writer.enqueue('a');
    const b = writer.enqueue('b');
    expect(writer.enqueue('a')).toBe(a);
    await Promise.all([a, b]);
    expect(writes).toEqual([['a', 'b']]);
  });

  it('rejects every item of a failed commit and keeps none; the next enqueue writes again', async () => {
    let fail = true;
    const writes: string[][] = [];
    const writer = new BatchWriter<string>(
      (items) => {
        if (fail) throw Object.assign(new Error('full'), { code: 'SQLITE_FULL' });
        writes.push([...items]);
      },
      (item) => item,
      1,
    );
    const results = await Promise.allSettled([writer.enqueue('a'), writer.enqueue('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await writer.enqueue('a');
    expect(writes).toEqual([['a']]);
  });

  it('writes at once when the batch is full, and an async store settles after its promise', async () => {
    let finish!: () => void;
    const writes: string[][] = [];
    const writer = new BatchWriter<string>(
      (items) => {
        writes.push([...items]);
        return new Promise<void>((resolve) => (finish = resolve));
      },
      (item) => item,
      1000,
      2,
    );
    let settled = false;
    const a = writer.enqueue('a').then(() => (settled = true));
    void writer.enqueue('b');
    expect(writes).toEqual([['a', 'b']]);
    // Still being written: a re-send shares that commit.
    expect(writer.enqueue('a')).toBeInstanceOf(Promise);
    expect(writes).toHaveLength(1);
    expect(settled).toBe(false);
    finish();
    await a;
    expect(settled).toBe(true);
  });
});

describe('the results broadcaster', () => {
  it('sends a quiet question at once, then at most once an interval; without a leading edge the first waits an interval too', async () => {
    const sent: string[] = [];
    const staff = new ResultsBroadcaster((questionId) => sent.push(`staff ${questionId}`), 20);
    staff.changed('q');
    staff.changed('q');
    expect(sent).toEqual(['staff q']);
    const phones = new ResultsBroadcaster((questionId) => sent.push(`phones ${questionId}`), 20, () => false);
    phones.changed('q');
    expect(sent).toEqual(['staff q']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toEqual(['staff q', 'staff q', 'phones q']);
  });

  it('sends a due update inside one long turn, without waiting for its timer', () => {
    const sent: number[] = [];
    const broadcaster = new ResultsBroadcaster(() => sent.push(Date.now()), 5);
    broadcaster.changed('q');
    broadcaster.changed('q');
    const start = Date.now();
    while (Date.now() - start < 10) {
      // A long synchronous turn: no timer can fire here.
    }
    broadcaster.changed('q');
    expect(sent).toHaveLength(2);
  });
});

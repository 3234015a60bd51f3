import { describe, expect, it } from 'vitest';
import type { OwnAnswer } from '../../protocol/session.ts';
import { AnswerQueue, type PendingAnswer, type SendResult } from '../../audience/answer-queue.ts';
import { memoryStore, type KeyValueStore } from '../../audience/storage.ts';

const KEY = 'handsup:pending:ABCDEF';

/** A queue whose sends are answered by hand, so each test decides what the "server" says. */
function harness(options: { store?: KeyValueStore; connected?: boolean; retryDelayMs?: number } = {}) {
  const store = options.store ?? memoryStore();
  const sent: PendingAnswer[] = [];
  const replies: ((result: SendResult) => void)[] = [];
  const acknowledged: OwnAnswer[] = [];
  const rejected: { questionId: string; code: string }[] = [];
  let ids = 0;
  const state = { connected: options.connected ?? true };
  const queue = new AnswerQueue({
    store,
    storageKey: KEY,
    canSend: () => state.connected,
    send: (answer) => {
      sent.push(answer);
      return new Promise((resolve) => replies.push(resolve));
    },
    events: {
      changed: () => undefined,
      acknowledged: (answer) => acknowledged.push(answer),
      rejected: (questionId, { code }) => rejected.push({ questionId, code }),
    },
    newId: () => `answer-id-${++ids}`,
    retryDelayMs: options.retryDelayMs ?? 10,
  });
  const ack = (answer: PendingAnswer): SendResult => ({ ok: true, answer: { ...answer, answeredAt: 1 } });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { store, queue, sent, replies, acknowledged, rejected, state, ack, settle };
}

describe('the offline answer queue', () => {
  it('keeps an answer in storage until the server acknowledges it', async () => {
    const h = harness();
    const answer = h.queue.submit('pick-one', { options: [1] });
    expect(JSON.parse(h.store.get(KEY)!)).toEqual([{ questionId: 'pick-one', answerId: 'answer-id-1', value: { options: [1] } }]);
    expect(h.sent).toEqual([answer]);
    expect(h.queue.isSending('pick-one')).toBe(true);
    h.replies[0]!(h.ack(answer));
    await h.settle();
    expect(h.store.get(KEY)).toBeNull();
    expect(h.queue.pendingFor('pick-one')).toBeUndefined();
    expect(h.acknowledged.map((a) => a.answerId)).toEqual(['answer-id-1']);
  });

  it('holds an answer tapped offline and sends it, with the same id, when connected again', async () => {
    const h = harness({ connected: false });
    h.queue.submit('pick-one', { options: [2] });
    expect(h.sent).toEqual([]);
    expect(h.queue.isSending('pick-one')).toBe(false);
    h.state.connected = true;
    h.queue.flush();
    expect(h.sent.map((a) => a.answerId)).toEqual(['answer-id-1']);
  });

  it('sends again with the same id after a lost connection, and only once per flush', async () => {
    const h = harness();
    h.queue.submit('pick-one', { options: [0] });
    h.queue.flush(); // already in flight: not sent twice
    expect(h.sent).toHaveLength(1);
    h.queue.connectionLost();
    h.queue.flush();
    expect(h.sent.map((a) => a.answerId)).toEqual(['answer-id-1', 'answer-id-1']);
    // The first attempt's late "no reply" must not drop the second attempt's in-flight mark.
    h.replies[0]!({ ok: false, code: 'no_reply', message: 'timeout' });
    await h.settle();
    expect(h.queue.isSending('pick-one')).toBe(true);
    h.replies[1]!(h.ack(h.sent[1]!));
    await h.settle();
    expect(h.queue.pendingFor('pick-one')).toBeUndefined();
  });

  it('shows an answer the server could not save as still sending, and sends it again with the same id', async () => {
    const h = harness({ retryDelayMs: 5 });
    const answer = h.queue.submit('pick-one', { options: [1] });
    h.replies[0]!({ ok: false, code: 'unavailable', message: 'the answer could not be saved — try again in a moment' });
    await h.settle();
    // Not "saved on this phone, sent when back online": the phone is online, the server's disk is not.
    expect(h.queue.isSending('pick-one')).toBe(true);
    expect(h.acknowledged).toEqual([]);
    while (h.sent.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(h.sent.map((a) => a.answerId)).toEqual([answer.answerId, answer.answerId]);
    h.replies[1]!(h.ack(answer));
    await h.settle();
    expect(h.queue.isSending('pick-one')).toBe(false);
    expect(h.acknowledged.map((a) => a.answerId)).toEqual([answer.answerId]);
  });

  it('survives a reload: a new queue on the same storage sends what the old one kept', () => {
    const store = memoryStore();
    harness({ store, connected: false }).queue.submit('pick-one', { options: [1] });
    const after = harness({ store });
    after.queue.flush();
    expect(after.sent).toEqual([{ questionId: 'pick-one', answerId: 'answer-id-1', value: { options: [1] } }]);
  });

  it('keeps one answer per question: a newer tap replaces an unsent one', () => {
    const h = harness({ connected: false });
    h.queue.submit('pick-one', { options: [0] });
    h.queue.submit('pick-one', { options: [2] });
    h.queue.submit('pick-several', { options: [0, 3] });
    expect(JSON.parse(h.store.get(KEY)!).map((a: PendingAnswer) => [a.questionId, a.answerId])).toEqual([
      ['pick-one', 'answer-id-2'],
      ['pick-several', 'answer-id-3'],
    ]);
  });

  it('keeps every answer to a question that takes several (word cloud, Q&A), each with its own id, across a reload', async () => {
    const h = harness({ connected: false });
    h.queue.submit('cloud', { text: 'coffee' }, true);
    h.queue.submit('cloud', { text: 'tea' }, true);
    h.queue.submit('pick-one', { options: [1] });
    expect(h.queue.pendingAll('cloud').map((answer) => [answer.answerId, answer.value])).toEqual([
      ['answer-id-1', { text: 'coffee' }],
      ['answer-id-2', { text: 'tea' }],
    ]);
    expect(h.queue.pendingFor('cloud')).toBeUndefined();

    const again = harness({ store: h.store });
    expect(again.queue.pendingAll('cloud').map((answer) => answer.answerId)).toEqual(['answer-id-1', 'answer-id-2']);
    again.queue.flush();
    expect(again.sent.map((answer) => answer.answerId)).toEqual(['answer-id-1', 'answer-id-2', 'answer-id-3']);
    expect(again.queue.isSending('cloud')).toBe(true);
    again.replies[1]!(again.ack(again.sent[1]!));
    await again.settle();
    expect(again.queue.pendingAll('cloud').map((answer) => answer.answerId)).toEqual(['answer-id-1']);
    again.queue.settle({ ...again.sent[0]!, answeredAt: 1 });
    expect(again.queue.pendingAll('cloud')).toEqual([]);
    expect(again.queue.pendingFor('pick-one')?.answerId).toBe('answer-id-3');
  });

  it('retries a busy server later and drops an answer the server refuses for good', async () => {
    const h = harness({ retryDelayMs: 5 });
    h.queue.submit('pick-one', { options: [0] });
    h.replies[0]!({ ok: false, code: 'rate_limited', message: 'slow down' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.sent.map((a) => a.answerId)).toEqual(['answer-id-1', 'answer-id-1']);
    h.replies[1]!({ ok: false, code: 'closed', message: 'this question is closed' });
    await h.settle();
    expect(h.queue.pendingFor('pick-one')).toBeUndefined();
    expect(h.store.get(KEY)).toBeNull();
    expect(h.rejected).toEqual([{ questionId: 'pick-one', code: 'closed' }]);
  });

  it('forgets a waiting answer once the server state shows it counted', () => {
    const h = harness({ connected: false });
    const answer = h.queue.submit('pick-one', { options: [1] });
    h.queue.settle({ ...answer, answerId: 'someone-else', answeredAt: 1 });
    expect(h.queue.pendingFor('pick-one')).toEqual(answer);
    h.queue.settle({ ...answer, answeredAt: 1 });
    expect(h.queue.pendingFor('pick-one')).toBeUndefined();
  });

  it('ignores storage it cannot read', () => {
    const store = memoryStore();
    store.set(KEY, '{not json');
    expect(harness({ store }).queue.pendingFor('pick-one')).toBeUndefined();
    store.set(KEY, JSON.stringify([{ questionId: 'pick-one' }, { questionId: 'ok', answerId: 'answer-ok-1', value: { options: [0] } }]));
    const h = harness({ store });
    expect(h.queue.pendingFor('pick-one')).toBeUndefined();
    expect(h.queue.pendingFor('ok')?.answerId).toBe('answer-ok-1');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

const ONE_MB = 'x'.repeat(1024 * 1024);

let server: ServerProcess;
let presenter: TestSocket;
let phone: TestSocket;

type Emit = (event: string, ...args: unknown[]) => Promise<{ ok: boolean; code?: string; message?: string }>;
const send = (socket: TestSocket): Emit => (event, ...args) =>
  (socket.timeout(5000) as unknown as { emitWithAck: Emit }).emitWithAck(event, ...args);

async function snapshot() {
  const reply = await presenter.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
  const { cursor, questions, results } = reply.view;
  return JSON.stringify({ cursor, questions, results });
}

beforeAll(async () => {
  server = await startServer({ deck: 'tests/fixtures/live-deck.md' });
  const { joinCode } = await (await fetch(`${server.url}/healthz`)).json();
  ({ socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY }));
  ({ socket: phone } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') }));
  await presenter.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 });
  const ok = await phone.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId(), value: { options: [1] } });
  expect(ok.ok).toBe(true);
  await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'after-close', action: 'close' });
});

afterAll(async () => {
  presenter?.close();
  phone?.close();
  await server?.stop();
});

const SLIDE_GO_CASES: [string, unknown, string][] = [
  ['a string', 'next', 'bad_request'],
  ['null', null, 'bad_request'],
  ['missing fields', {}, 'bad_request'],
  ['wrong types', { h: '1', v: 0, f: 0 }, 'bad_request'],
  ['fractions', { h: 1.5, v: 0, f: 0 }, 'bad_request'],
  ['negative', { h: -3, v: 0 }, 'bad_request'],
  ['huge numbers', { h: 1e12, v: 0 }, 'bad_request'],
  ['an unknown slide', { h: 500, v: 0 }, 'not_found'],
  ['a 1 MB string', { h: ONE_MB, v: 0 }, 'too_large'],
];

const CONTROL_CASES: [string, unknown, string][] = [
  ['a number', 7, 'bad_request'],
  ['missing action', { questionId: 'pick-one' }, 'bad_request'],
  ['unknown action', { questionId: 'pick-one', action: 'explode' }, 'bad_request'],
  ['wrong type of id', { questionId: 42, action: 'close' }, 'bad_request'],
  ['an unknown question id', { questionId: 'no-such-question', action: 'close' }, 'not_found'],
  ['an overlong id', { questionId: 'q'.repeat(500), action: 'close' }, 'bad_request'],
  ['a 1 MB id', { questionId: ONE_MB, action: 'reset' }, 'too_large'],
];

const ANSWER_CASES: [string, unknown, string][] = [
  ['nothing', undefined, 'bad_request'],
  ['an array', [1, 2], 'bad_request'],
  ['missing answer id', { questionId: 'pick-one', value: { options: [0] } }, 'bad_request'],
  ['a short answer id', { questionId: 'pick-one', answerId: 'a', value: { options: [0] } }, 'bad_request'],
  ['an answer id with spaces', { questionId: 'pick-one', answerId: 'has spaces here', value: { options: [0] } }, 'bad_request'],
  ['options as strings', { questionId: 'pick-one', answerId: makeId(), value: { options: ['Red'] } }, 'bad_request'],
  ['empty options', { questionId: 'pick-one', answerId: makeId(), value: { options: [] } }, 'bad_request'],
  ['an option out of range', { questionId: 'pick-one', answerId: makeId(), value: { options: [3] } }, 'bad_request'],
  ['two options on a single choice', { questionId: 'pick-one', answerId: makeId(), value: { options: [0, 1] } }, 'bad_request'],
  ['extra keys in the value', { questionId: 'pick-one', answerId: makeId(), value: { options: [0], admin: true } }, 'bad_request'],
  ['an unknown question id', { questionId: 'nope', answerId: makeId(), value: { options: [0] } }, 'not_found'],
  ['a closed question', { questionId: 'after-close', answerId: makeId(), value: { options: [0] } }, 'closed'],
  ['a question not yet open', { questionId: 'secret', answerId: makeId(), value: { options: [0] } }, 'closed'],
  ['a 1 MB text', { questionId: 'pick-one', answerId: makeId(), value: { text: ONE_MB } }, 'too_large'],
];

describe('malformed payloads get their error code and change nothing', () => {
  it.each(SLIDE_GO_CASES)('slide:go with %s → %s', async (_name, payload, code) => {
    const before = await snapshot();
    expect(await send(presenter)('slide:go', payload)).toMatchObject({ ok: false, code });
    expect(await snapshot()).toBe(before);
  });

  it.each(CONTROL_CASES)('question:control with %s → %s', async (_name, payload, code) => {
    const before = await snapshot();
    expect(await send(presenter)('question:control', payload)).toMatchObject({ ok: false, code });
    expect(await snapshot()).toBe(before);
  });

  it.each(ANSWER_CASES)('answer:submit with %s → %s', async (_name, payload, code) => {
    const before = await snapshot();
    const reply = await send(phone)('answer:submit', payload);
    expect(reply).toMatchObject({ ok: false, code });
    expect(reply.message).toBeTruthy();
    expect(await snapshot()).toBe(before);
  });

  it('answers an unknown event with bad_request', async () => {
    expect(await send(phone)('admin:drop-tables', {})).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('is still up and answering after all of it', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(phone.connected).toBe(true);
    expect(presenter.connected).toBe(true);
    const reply = await phone.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId(), value: { options: [2] } });
    expect(reply.ok).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { LIVE_DECK, SLIDE } from '../support/live-deck.ts';
import { deepArrayJson, RawSocket } from '../support/raw-socket.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * Frames that used to end the process for the whole room (no key needed): an
 * acknowledgement callback that is not where the handler expects it, and a payload nested
 * deep enough to overflow the stack. Each is sent raw (Engine.IO/Socket.IO frames over a
 * WebSocket) and through socket.io-client; the server answers or drops it, stays up, and
 * its state is unchanged.
 */
let server: ServerProcess;
let presenter: TestSocket;
let joinCode: string;
const closers: { close(): void }[] = [];

async function snapshot(): Promise<string> {
  const reply = await presenter.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
  const { cursor, questions, results, quiz } = reply.view;
  return JSON.stringify({ cursor, questions, results, quiz });
}

async function stillUp(): Promise<void> {
  expect(server.child.exitCode, server.output()).toBeNull();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

const rawPhone = async () => {
  const socket = await RawSocket.connect(server.url, { role: 'audience', joinCode, participantId: makeId('raw') });
  closers.push(socket);
  return socket;
};
const clientPhone = async () => {
  const { socket } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('client') });
  closers.push(socket);
  return socket;
};

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK });
  joinCode = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  ({ socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY }));
  closers.push(presenter);
  const moved = await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: -1 });
  expect(moved.ok).toBe(true);
});

afterAll(async () => {
  for (const socket of closers) socket.close();
  await server?.stop();
});

const ANSWER = { questionId: 'pick-one', answerId: 'answer-0123456789', value: { options: [0] } };
const PHONE_EVENTS: [string, unknown][] = [
  ['answer:submit', ANSWER],
  ['participant:nickname', { nickname: 'Ada' }],
  ['qa:upvote', { questionId: 'pick-one', entryId: 'entry-1' }],
  ['reaction:send', { emoji: '👏' }],
];

describe('a display sending state:sync with an argument before its callback', () => {
  it('raw frame 421["state:sync",{}] gets bad_request', async () => {
    const before = await snapshot();
    const display = await RawSocket.connect(server.url, { role: 'display' });
    closers.push(display);
    display.send('421["state:sync",{}]');
    expect(await display.ack(1)).toMatchObject({ ok: false, code: 'bad_request' });
    await stillUp();
    expect(await snapshot()).toBe(before);
  });

  it("socket.io-client emit('state:sync', 0, cb) gets bad_request", async () => {
    const before = await snapshot();
    const { socket } = await connectClient(server.url, { role: 'display' });
    closers.push(socket);
    const emit = socket.timeout(5000).emitWithAck as unknown as (event: string, ...args: unknown[]) => Promise<{ ok: boolean; code?: string }>;
    expect(await emit.call(socket.timeout(5000), 'state:sync', 0)).toMatchObject({ ok: false, code: 'bad_request' });
    await stillUp();
    expect(await snapshot()).toBe(before);
  });
});

describe.each(PHONE_EVENTS)('a phone sending %s with its callback out of place', (event, payload) => {
  it('raw: only a callback, then an extra argument before the callback, then no callback at all', async () => {
    const before = await snapshot();
    const phone = await rawPhone();
    phone.send(`421${JSON.stringify([event])}`);
    expect(await phone.ack(1)).toMatchObject({ ok: false, code: 'bad_request' });
    phone.send(`422${JSON.stringify([event, 'extra', payload])}`);
    expect(await phone.ack(2)).toMatchObject({ ok: false, code: 'bad_request' });
    // No acknowledgement id: nobody to answer, the frame is dropped.
    phone.send(`42${JSON.stringify([event, payload, 'extra'])}`);
    phone.send(`423${JSON.stringify(['state:sync'])}`);
    expect(await phone.ack(3)).toMatchObject({ ok: true });
    expect(phone.open).toBe(true);
    await stillUp();
    expect(await snapshot()).toBe(before);
  });

  it('socket.io-client: emit(event, cb) and emit(event, extra, payload, cb)', async () => {
    const before = await snapshot();
    const phone = await clientPhone();
    const emit = (...args: unknown[]) =>
      (phone.timeout(5000) as unknown as { emitWithAck: (...a: unknown[]) => Promise<{ ok: boolean; code?: string }> }).emitWithAck(event, ...args);
    expect(await emit()).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await emit('extra', payload)).toMatchObject({ ok: false, code: 'bad_request' });
    (phone as unknown as { emit: (...a: unknown[]) => void }).emit(event, payload, 'extra');
    await stillUp();
    expect(phone.connected).toBe(true);
    expect(await snapshot()).toBe(before);
  });
});

describe('a payload nested 10,000 deep', () => {
  const nested = deepArrayJson(10_000);

  it('raw 20 KB frame of answer:submit gets too_large', async () => {
    const before = await snapshot();
    const phone = await rawPhone();
    const frame = `421["answer:submit",${nested}]`;
    expect(frame.length).toBeGreaterThan(20_000);
    phone.send(frame);
    expect(await phone.ack(1)).toMatchObject({ ok: false, code: 'too_large' });
    phone.send(`422["answer:submit",{"questionId":"pick-one","answerId":"deep-0123456789","value":{"options":[${nested}]}}]`);
    expect(await phone.ack(2)).toMatchObject({ ok: false, code: 'too_large' });
    await stillUp();
    expect(await snapshot()).toBe(before);
  });

  it('socket.io-client: the same frame through its connection gets too_large', async () => {
    // socket.io-client's own encoder recurses (hasBinary) and cannot encode 10,000 levels
    // itself; the frame goes through the client's Engine.IO connection as written.
    const before = await snapshot();
    const phone = await clientPhone();
    const engine = phone.io.engine;
    const reply = new Promise<string>((resolve) => engine.on('message', (data) => String(data).startsWith('3777[') && resolve(String(data))));
    engine.write(`2777["answer:submit",${nested}]`);
    expect(JSON.parse((await reply).slice(4))[0]).toMatchObject({ ok: false, code: 'too_large' });
    // And what the client can encode, 500 deep, through emit itself.
    const emit = (phone.timeout(5000) as unknown as { emitWithAck: (...a: unknown[]) => Promise<{ ok: boolean; code?: string }> }).emitWithAck;
    expect(await emit.call(phone.timeout(5000), 'answer:submit', JSON.parse(deepArrayJson(500)))).toMatchObject({ ok: false, code: 'too_large' });
    await stillUp();
    expect(phone.connected).toBe(true);
    expect(await snapshot()).toBe(before);
  });
});

describe('after all of it', () => {
  it('the server is up and counts a good answer', async () => {
    await stillUp();
    const phone = await clientPhone();
    const reply = await phone.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId('good'), value: { options: [1] } });
    expect(reply.ok).toBe(true);
  });
});

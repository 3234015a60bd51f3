import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceView, DisplayView, PresenterView } from '../../protocol/session.ts';
import { connectClient, makeId, nextEvent, refusedHandshake, type TestSocket } from '../support/clients.ts';
import { LIVE_DECK, SLIDE } from '../support/live-deck.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';


let server: ServerProcess;
let presenter: TestSocket;
let joinCode: string;
const sockets: TestSocket[] = [];

async function phone(participantId = makeId('phone')) {
  const { socket, view } = await connectClient(server.url, { role: 'audience', joinCode, participantId });
  sockets.push(socket);
  return { socket, view: view as AudienceView, participantId };
}

async function display() {
  const { socket, view } = await connectClient(server.url, { role: 'display' });
  sockets.push(socket);
  return { socket, view: view as DisplayView };
}

async function goTo(position: { h: number; v: number }, f = -1) {
  const reply = await presenter.timeout(5000).emitWithAck('slide:go', { ...position, f });
  expect(reply.ok).toBe(true);
}

async function control(questionId: string, action: 'open' | 'close' | 'reopen' | 'reveal' | 'hide' | 'reset') {
  const reply = await presenter.timeout(5000).emitWithAck('question:control', { questionId, action });
  if (!reply.ok) throw new Error(reply.message);
  return reply.question;
}

async function presenterView(): Promise<PresenterView> {
  const reply = await presenter.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
  return reply.view;
}

function answer(socket: TestSocket, questionId: string, options: number[], answerId = makeId('answer')) {
  return socket.timeout(5000).emitWithAck('answer:submit', { questionId, answerId, value: { options } });
}

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK });
  const health = await (await fetch(`${server.url}/healthz`)).json();
  joinCode = health.joinCode;
  ({ socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY }));
});

afterAll(async () => {
  for (const socket of [presenter, ...sockets]) socket?.close();
  await server?.stop();
});

describe('the HTTP side', () => {
  it('answers /healthz with a small JSON status', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, deck: 'Live test deck', joinCode: expect.stringMatching(/^[A-Z]{6}$/) });
  });

  it('serves the pages at their routes and the public deck without notes', async () => {
    // The console itself needs the presenter's cookie: tests/integration/presenter-auth.test.ts.
    for (const path of ['/', '/join', `/j/${joinCode}`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }
    const deck = await (await fetch(`${server.url}/deck.json`)).text();
    expect(deck).toContain('Pick one');
    expect(deck).not.toContain('A live single-choice poll');
    expect(deck).not.toContain('"notes"');
  });

  it('serves the join address and a locally made QR code', async () => {
    const join = await (await fetch(`${server.url}/join.json`)).json();
    expect(join.code).toBe(joinCode);
    expect(join.url).toMatch(new RegExp(`/j/${joinCode}$`));
    expect(join.qrSvg).toMatch(/^<svg/);
  });
});

describe('roles in the handshake', () => {
  it('refuses a wrong presenter key, an unknown join code and a malformed handshake', async () => {
    expect((await refusedHandshake(server.url, { role: 'presenter', key: 'wrong' })).code).toBe('forbidden');
    expect((await refusedHandshake(server.url, { role: 'audience', joinCode: 'ZZZZZZ', participantId: makeId() })).code).toBe('not_found');
    expect((await refusedHandshake(server.url, { role: 'wizard' })).code).toBe('bad_request');
    expect((await refusedHandshake(server.url, { role: 'audience', joinCode, participantId: 'x' })).code).toBe('bad_request');
  });

  it('accepts the join code in any case and with spaces', async () => {
    const spaced = `${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3)}`;
    const { socket } = await connectClient(server.url, { role: 'audience', joinCode: spaced, participantId: makeId() });
    sockets.push(socket);
    expect(socket.connected).toBe(true);
  });

  it('refuses every presenter event from a display and a phone, and changes nothing', async () => {
    await goTo(SLIDE.title);
    const before = await presenterView();
    const { socket: displaySocket } = await display();
    const { socket: phoneSocket } = await phone();
    for (const socket of [displaySocket, phoneSocket]) {
      const go = await socket.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 });
      expect(go).toMatchObject({ ok: false, code: 'forbidden' });
      for (const action of ['open', 'close', 'reopen', 'reveal', 'hide', 'reset'] as const) {
        const reply = await socket.timeout(5000).emitWithAck('question:control', { questionId: 'pick-one', action });
        expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
      }
    }
    const presenterAnswer = await answer(presenter, 'pick-one', [0]);
    expect(presenterAnswer).toMatchObject({ ok: false, code: 'forbidden' });
    const after = await presenterView();
    expect(after.cursor).toEqual(before.cursor);
    expect(after.questions).toEqual(before.questions);
  });

  it('never sends the presenter key or the notes to a display or a phone', async () => {
    const seen: string[] = [];
    const { socket: displaySocket, view: displayState } = await display();
    const { socket: phoneSocket, view: phoneState } = await phone();
    seen.push(JSON.stringify(displayState), JSON.stringify(phoneState));
    displaySocket.onAny((...args) => seen.push(JSON.stringify(args)));
    phoneSocket.onAny((...args) => seen.push(JSON.stringify(args)));
    await goTo(SLIDE.pickOne);
    await goTo(SLIDE.title);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const everything = seen.join('\n');
    expect(seen.length).toBeGreaterThan(2);
    expect(everything).not.toContain(TEST_PRESENTER_KEY);
    expect(everything).not.toContain('A live single-choice poll');
    expect(everything).not.toContain('Title slide.');
    expect(JSON.stringify(await presenterView())).toContain('A live single-choice poll');
  });
});

describe('slides and questions', () => {
  it('follows the presenter: phones see the current slide title and, on a question slide, the question', async () => {
    await goTo(SLIDE.title);
    const { socket, view } = await phone();
    expect(view.slideTitle).toBe('Live test deck');
    expect(view.question).toBeNull();
    const [moved] = await Promise.all([nextEvent(socket, 'state', (v) => v.role === 'audience' && v.question !== null), goTo(SLIDE.pickOne)]);
    const state = moved[0] as AudienceView;
    expect(state.question).toMatchObject({ id: 'pick-one', options: ['Red', 'Green', 'Blue'] });
    expect(state.questionState?.status).toBe('open');
  });

  it('rejects a slide that does not exist with not_found and a bad cursor with bad_request', async () => {
    expect(await presenter.timeout(5000).emitWithAck('slide:go', { h: 99, v: 0, f: -1 })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await presenter.timeout(5000).emitWithAck('slide:go', { h: -1, v: 0, f: -1 })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'nope', action: 'close' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('counts one answer per phone, once per answer id, and lets a phone change its answer', async () => {
    await goTo(SLIDE.pickOne);
    await control('pick-one', 'reset');
    const a = await phone();
    const b = await phone();
    const answerId = makeId('answer');
    const first = await answer(a.socket, 'pick-one', [0], answerId);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    const again = await answer(a.socket, 'pick-one', [0], answerId);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    await answer(b.socket, 'pick-one', [2]);
    let results = (await presenterView()).results['pick-one']!;
    expect(results.responses).toBe(2);
    expect(results.type === 'choice' && results.options.map((o) => o.count)).toEqual([1, 0, 1]);

    const changed = await answer(a.socket, 'pick-one', [1]);
    expect(changed).toMatchObject({ ok: true, duplicate: false });
    // A late re-send of the first answer must not undo the change.
    expect(await answer(a.socket, 'pick-one', [0], answerId)).toMatchObject({ ok: true, duplicate: true });
    results = (await presenterView()).results['pick-one']!;
    expect(results.type === 'choice' && results.options).toEqual([
      { option: 'Red', count: 0, percent: 0 },
      { option: 'Green', count: 1, percent: 50 },
      { option: 'Blue', count: 1, percent: 50 },
    ]);
  });

  it('rejects answers that do not fit the question', async () => {
    await goTo(SLIDE.pickOne);
    const { socket } = await phone();
    expect(await answer(socket, 'pick-one', [7])).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await answer(socket, 'pick-one', [0, 1])).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await answer(socket, 'nope', [0])).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId(), value: { text: 'Red' } })).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('gives a late joiner and a returning phone the whole state, its own answer included', async () => {
    await goTo(SLIDE.pickOne);
    const first = await phone();
    await answer(first.socket, 'pick-one', [2]);
    first.socket.close();
    const back = await phone(first.participantId);
    expect(back.view.question?.id).toBe('pick-one');
    expect(back.view.ownAnswer).toMatchObject({ questionId: 'pick-one', value: { options: [2] } });
    const late = await display();
    expect(late.view.cursor).toMatchObject(SLIDE.pickOne);
    expect(late.view.questions['pick-one']!.responses).toBeGreaterThan(0);
  });

  it('closes, reopens, resets; a closed question refuses answers with closed', async () => {
    await goTo(SLIDE.pickOne);
    const { socket } = await phone();
    expect((await control('pick-one', 'close')).status).toBe('closed');
    expect(await answer(socket, 'pick-one', [0])).toMatchObject({ ok: false, code: 'closed' });
    // Coming back to the slide does not reopen what the presenter closed.
    await goTo(SLIDE.title);
    await goTo(SLIDE.pickOne);
    expect((await presenterView()).questions['pick-one']!.status).toBe('closed');
    expect((await control('pick-one', 'reopen')).status).toBe('open');
    expect(await answer(socket, 'pick-one', [0])).toMatchObject({ ok: true });
    const reset = await control('pick-one', 'reset');
    expect(reset).toMatchObject({ status: 'open', responses: 0 });
    expect((await presenterView()).results['pick-one']!.responses).toBe(0);
  });

  it('moves through fragments and ignores a repeated move', async () => {
    const reply = await presenter.timeout(5000).emitWithAck('slide:go', { h: 4, v: 0, f: 5 });
    // The closing slide has no fragments: the step is clamped.
    expect(reply).toMatchObject({ ok: true, cursor: { h: 4, v: 0, f: -1 } });
    expect(await presenter.timeout(5000).emitWithAck('slide:go', { h: 4, v: 0, f: -1 })).toMatchObject({ ok: true });
  });
});

describe('who sees results', () => {
  it('live: everyone sees them as they come; hide takes them off phones and the projector', async () => {
    await goTo(SLIDE.pickOne);
    await control('pick-one', 'reset');
    const watcher = await phone();
    const projector = await display();
    const voter = await phone();
    const phoneGets = nextEvent(watcher.socket, 'results', (results) => results.questionId === 'pick-one' && results.responses === 1);
    const displayGets = nextEvent(projector.socket, 'results', (results) => results.questionId === 'pick-one' && results.responses === 1);
    await answer(voter.socket, 'pick-one', [1]);
    await Promise.all([phoneGets, displayGets]);
    await control('pick-one', 'hide');
    const hidden = await phone();
    expect(hidden.view.results).toBeNull();
    const projectorAfterHide = await display();
    expect(projectorAfterHide.view.results['pick-one']).toBeUndefined();
    await control('pick-one', 'reveal');
  });

  it('after-vote: a phone sees results once it voted, others only when revealed', async () => {
    await goTo(SLIDE.pickSeveral);
    await control('pick-several', 'reset');
    const voter = await phone();
    const bystander = await phone();
    let bystanderGotResults = false;
    bystander.socket.on('results', (results) => {
      if (results.questionId === 'pick-several') bystanderGotResults = true;
    });
    const voterGets = nextEvent(voter.socket, 'results', (results) => results.questionId === 'pick-several');
    expect(await answer(voter.socket, 'pick-several', [0, 2])).toMatchObject({ ok: true });
    const [results] = await voterGets;
    expect(results.type === 'choice' && results.options.map((o) => o.count)).toEqual([1, 0, 1, 0]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(bystanderGotResults).toBe(false);
    expect((await phone(voter.participantId)).view.results).not.toBeNull();
    expect((await display()).view.results['pick-several']).toBeUndefined();
    await control('pick-several', 'reveal');
    expect((await phone()).view.results?.responses).toBe(1);
  });

  it('after-close: nobody but the presenter sees results until the question closes', async () => {
    await goTo(SLIDE.afterClose);
    const voter = await phone();
    await answer(voter.socket, 'after-close', [0]);
    expect((await phone(voter.participantId)).view.results).toBeNull();
    expect((await display()).view.results['after-close']).toBeUndefined();
    expect((await presenterView()).results['after-close']!.responses).toBe(1);
    const closed = await control('after-close', 'close');
    expect(closed.revealed).toBe(true);
    expect((await phone(voter.participantId)).view.results?.responses).toBe(1);
    expect((await display()).view.results['after-close']?.responses).toBe(1);
  });

  it('presenter-only: phones never see results, even revealed', async () => {
    await goTo(SLIDE.secret);
    const voter = await phone();
    await answer(voter.socket, 'secret', [1]);
    await control('secret', 'close');
    await control('secret', 'reveal');
    expect((await phone(voter.participantId)).view.results).toBeNull();
    expect((await presenterView()).results.secret!.responses).toBe(1);
  });
});

describe('limits', () => {
  it('answers a flood with rate_limited and keeps the socket', async () => {
    await goTo(SLIDE.pickOne);
    const { socket } = await phone();
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => socket.timeout(5000).emitWithAck('state:sync')),
    );
    const limited = replies.filter((reply) => !reply.ok && reply.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((reply) => reply.ok).length).toBeGreaterThan(0);
    expect(socket.connected).toBe(true);
  });
});

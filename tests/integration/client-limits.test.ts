import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { REFUSAL_PAUSE_MS } from '../../server/live/handshake.ts';
import { connectClient, makeId, refusedHandshake, type TestSocket } from '../support/clients.ts';
import { LIVE_DECK, SLIDE } from '../support/live-deck.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * Limits per phone, not per socket, and per client address for new phones, on a real
 * server: one participant id on several sockets gets one budget, a sixth socket is
 * refused, and a client that makes up participant ids is held back by the join limit
 * (here --joins-per-minute 60: 12 at once, then one every second).
 */
let server: ServerProcess;
let joinCode: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startServer({ deck: LIVE_DECK, args: ['--joins-per-minute', '60'] });
  joinCode = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  const { socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
  sockets.push(presenter);
  expect((await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: -1 })).ok).toBe(true);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
});

describe('limits per phone and per client address', () => {
  it('gives one participant one answer budget across all its sockets, and refuses a socket over the cap', async () => {
    const participantId = makeId('many-sockets');
    const own: TestSocket[] = [];
    for (let n = 0; n < LIMITS.socketsPerParticipant; n += 1) {
      const { socket } = await connectClient(server.url, { role: 'audience', joinCode, participantId });
      own.push(socket);
      sockets.push(socket);
    }
    const knocked = Date.now();
    const refused = await refusedHandshake(server.url, { role: 'audience', joinCode, participantId });
    expect(refused.code).toBe('rate_limited');
    expect(refused.message).toContain('close the other tabs');
    // The refusal comes after a pause, so a client knocking again at once costs a handshake a second, not hundreds.
    expect(Date.now() - knocked).toBeGreaterThanOrEqual(REFUSAL_PAUSE_MS - 5);

    const started = Date.now();
    const replies = await Promise.all(
      own.flatMap((socket) =>
        Array.from({ length: 40 }, (_, n) =>
          socket.timeout(10_000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId('flood'), value: { options: [n % 3] } }),
        ),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = replies.filter((reply) => reply.ok).length;
    expect(replies.filter((reply) => !reply.ok && reply.code === 'rate_limited').length).toBeGreaterThan(0);
    // One budget: a burst and its refill while the flood lasted, not five of them.
    expect(accepted).toBeLessThanOrEqual(LIMITS.eventBurst + Math.ceil(seconds * LIMITS.eventsPerSecond) + 1);
    expect(accepted).toBeGreaterThan(0);
  });

  it('holds back a client that makes up new participants, and says when to come back', async () => {
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async () => {
        try {
          const { socket } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('made-up') });
          sockets.push(socket);
          return 'joined';
        } catch (error) {
          const refusal = error as Error & { data?: { code?: string } };
          expect(refusal.data?.code).toBe('rate_limited');
          expect(refusal.message).toContain('joins in a few seconds');
          return 'refused';
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const joined = outcomes.filter((outcome) => outcome === 'joined').length;
    // 60 a minute: 12 at once (one went to the test above), then one a second while this lasted.
    expect(joined).toBeLessThanOrEqual(12 + Math.ceil(seconds));
    expect(joined).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome === 'refused').length).toBeGreaterThanOrEqual(60 - 12 - Math.ceil(seconds));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AudienceView } from '../../protocol/session.ts';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

const PHONES = 200;
const ANSWERS_PER_PHONE = 5;
const DECK = 'tests/fixtures/live-deck.md';

interface Attempt {
  answerId: string;
  option: number;
}

const open: { close(): void }[] = [];
let server: ServerProcess | undefined;

afterAll(async () => {
  for (const socket of open) socket.close();
  await server?.stop();
});

describe('durability', () => {
  it('loses no acknowledged answer when the server is killed with SIGKILL mid-burst', async () => {
    server = await startServer({ deck: DECK });
    const dataDir = server.dataDir;
    const { joinCode } = await (await fetch(`${server.url}/healthz`)).json();
    const { socket: presenter } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    open.push(presenter);
    expect((await presenter.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 })).ok).toBe(true);

    const participantIds = Array.from({ length: PHONES }, (_, i) => makeId(`crash-${i}`));
    const phones: TestSocket[] = [];
    for (const participantId of participantIds) {
      const { socket } = await connectClient(server.url, { role: 'audience', joinCode, participantId });
      phones.push(socket);
      open.push(socket);
    }

    // Each phone changes its answer several times in a row; all of them at once.
    const attempts: Attempt[][] = participantIds.map(() => []);
    const acknowledged: (Attempt | undefined)[] = participantIds.map(() => undefined);
    let acks = 0;
    const killAt = Math.floor((PHONES * ANSWERS_PER_PHONE) / 3);
    let killed: Promise<void> | undefined;
    const victim = server;
    const bursts = phones.map(async (socket, phone) => {
      for (let n = 0; n < ANSWERS_PER_PHONE; n += 1) {
        const attempt = { answerId: makeId('ans'), option: (phone + n) % 3 };
        attempts[phone]!.push(attempt);
        try {
          const reply = await socket.timeout(3000).emitWithAck('answer:submit', {
            questionId: 'pick-one',
            answerId: attempt.answerId,
            value: { options: [attempt.option] },
          });
          if (!reply.ok) throw new Error(reply.message);
          acknowledged[phone] = attempt;
          acks += 1;
          if (acks === killAt) killed = victim.kill();
        } catch {
          return; // the server died under this answer: not acknowledged
        }
      }
    });
    await Promise.all(bursts);
    await killed;
    expect(acks).toBeGreaterThanOrEqual(killAt);
    expect(acks).toBeLessThan(PHONES * ANSWERS_PER_PHONE);

    // Straight from the file: every acknowledged answer id is there exactly once.
    const db = new Database(join(dataDir, 'handsup.sqlite'), { readonly: true });
    const counts = new Map(
      (db.prepare('SELECT answer_id AS id, COUNT(*) AS n FROM responses GROUP BY answer_id').all() as { id: string; n: number }[]).map(
        (row) => [row.id, row.n],
      ),
    );
    db.close();
    let checked = 0;
    attempts.forEach((phoneAttempts, phone) => {
      const lastAcked = acknowledged[phone] ? phoneAttempts.indexOf(acknowledged[phone]!) : -1;
      for (const attempt of phoneAttempts.slice(0, lastAcked + 1)) {
        expect(counts.get(attempt.answerId), attempt.answerId).toBe(1);
        checked += 1;
      }
    });
    expect(checked).toBe(acks);

    // Restart on the same data folder: same session, same join code, same slide.
    server = await startServer({ deck: DECK, dataDir });
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.joinCode).toBe(joinCode);
    const { socket: presenterAgain, view } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    open.push(presenterAgain);
    if (view.role !== 'presenter') throw new Error('expected the presenter view');
    expect(view.cursor).toMatchObject({ h: 1, v: 0 });
    const answeredPhones = acknowledged.filter(Boolean).length;
    expect(view.results['pick-one']!.responses).toBeGreaterThanOrEqual(answeredPhones);

    // Each phone comes back, sees an answer no older than its last acknowledged one,
    // then re-sends its last attempt (at-least-once delivery): it counts once.
    for (let phone = 0; phone < PHONES; phone += 1) {
      const { socket, view: phoneView } = await connectClient(server.url, { role: 'audience', joinCode, participantId: participantIds[phone]! });
      open.push(socket);
      const own = (phoneView as AudienceView).ownAnswer;
      const acked = acknowledged[phone];
      if (acked) {
        const ids = attempts[phone]!.map((attempt) => attempt.answerId);
        expect(own, `phone ${phone}`).not.toBeNull();
        expect(ids.indexOf(own!.answerId)).toBeGreaterThanOrEqual(ids.indexOf(acked.answerId));
      }
      const last = attempts[phone]!.at(-1)!;
      const reply = await socket.timeout(5000).emitWithAck('answer:submit', {
        questionId: 'pick-one',
        answerId: last.answerId,
        value: { options: [last.option] },
      });
      expect(reply.ok).toBe(true);
      socket.close();
    }
    const final = await presenterAgain.timeout(5000).emitWithAck('state:sync');
    if (!final.ok || final.view.role !== 'presenter') throw new Error('no presenter view');
    const results = final.view.results['pick-one']!;
    expect(results.responses).toBe(PHONES);
    const expected = [0, 1, 2].map((option) => attempts.filter((phoneAttempts) => phoneAttempts.at(-1)!.option === option).length);
    expect(results.type === 'choice' && results.options.map((o: { count: number }) => o.count)).toEqual(expected);
  });
});

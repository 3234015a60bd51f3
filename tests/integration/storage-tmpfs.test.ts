import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { LIVE_DECK, SLIDE } from '../support/live-deck.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * A real full disk: the data folder on a 4 MB tmpfs (mounting one needs root), filled
 * with a file until the kernel says ENOSPC. The server stays up and says so; no phone is
 * told `ok` for an answer that is not on disk after a SIGKILL and a restart; once the
 * file is gone, writes resume by themselves and the refused answers count once.
 */
const isRoot = process.getuid?.() === 0;
const mountPoint = mkdtempSync(join(tmpdir(), 'handsup-tmpfs-'));
let mounted = false;
let server: ServerProcess | undefined;
const sockets: TestSocket[] = [];

beforeAll(() => {
  if (!isRoot) return;
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  mounted = true;
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes a file until the disk is full; returns its path. */
function fillDisk(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  for (const size of [1 << 16, 1 << 12, 512, 1]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  closeSync(fd);
  return path;
}

describe.runIf(isRoot)('the data folder on a tmpfs that fills up', () => {
  it('acknowledges only what is on disk, stays up, says degraded, and resumes when there is room', async () => {
    server = await startServer({ deck: LIVE_DECK, dataDir: mountPoint });
    const url = server.url;
    const { joinCode } = await (await fetch(`${url}/healthz`)).json();
    const { socket: presenter } = await connectClient(url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    sockets.push(presenter);
    expect((await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: -1 })).ok).toBe(true);
    const phones: TestSocket[] = [];
    for (let n = 0; n < 20; n += 1) {
      const { socket } = await connectClient(url, { role: 'audience', joinCode, participantId: makeId('tmpfs') });
      phones.push(socket);
      sockets.push(socket);
    }
    const acknowledged = new Set<string>();
    const refused = new Map<TestSocket, string>();
    const answer = async (socket: TestSocket, answerId: string) => {
      const reply = await socket.timeout(10_000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId, value: { options: [answerId.length % 3] } });
      if (reply.ok) acknowledged.add(answerId);
      else {
        expect(reply.code).toBe('unavailable');
        refused.set(socket, answerId);
      }
      return reply.ok;
    };
    for (const socket of phones) expect(await answer(socket, makeId('room'))).toBe(true);

    const filler = fillDisk(mountPoint);
    // The room goes on answering (each phone changes its answer) until the disk refuses.
    for (let round = 0; round < 100 && refused.size === 0; round += 1) {
      await Promise.all(phones.map((socket) => answer(socket, makeId('full'))));
    }
    expect(refused.size).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()).problems).toContain(`answers are not being saved: the disk holding ${mountPoint} is full`);
    // A re-send of a refused answer is refused again, not acknowledged as a duplicate.
    const [stuckPhone, stuckId] = [...refused][0]!;
    expect(await answer(stuckPhone, stuckId)).toBe(false);
    // Slide moves and reactions cannot be saved either: the talk goes on all the same.
    expect((await presenter.timeout(5000).emitWithAck('slide:go', { ...SLIDE.pickOne, f: 0 })).ok).toBe(true);
    const { socket: clapper } = await connectClient(url, { role: 'audience', joinCode, participantId: makeId('clap') });
    sockets.push(clapper);
    expect(await clapper.timeout(5000).emitWithAck('reaction:send', { emoji: '👏' })).toMatchObject({ ok: true });
    expect(server.child.exitCode).toBeNull();

    // Room again: the refused answers, sent again with their ids, are written and counted once.
    rmSync(filler);
    for (const [socket, answerId] of refused) expect(await answer(socket, answerId)).toBe(true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const socket of phones) expect(await answer(socket, makeId('after'))).toBe(true);

    // SIGKILL, start again, read back: every acknowledged answer is there, once.
    await server.kill();
    server = await startServer({ deck: LIVE_DECK, dataDir: mountPoint });
    const db = new Database(join(mountPoint, 'handsup.sqlite'), { readonly: true });
    const onDisk = new Map(
      (db.prepare('SELECT answer_id AS id, COUNT(*) AS n FROM responses GROUP BY answer_id').all() as { id: string; n: number }[]).map((row) => [row.id, row.n]),
    );
    db.close();
    for (const answerId of acknowledged) expect(onDisk.get(answerId), answerId).toBe(1);
    const { socket: again, view } = await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    sockets.push(again);
    if (view.role !== 'presenter') throw new Error('expected the presenter view');
    expect(view.questions['pick-one']!.responses).toBe(phones.length);
  });
});

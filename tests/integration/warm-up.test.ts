import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite-store.ts';
import { WARM_UP_ANSWERS } from '../../server/warm-up.ts';
import { startServer, tempDataDir, type ServerProcess } from '../support/server-process.ts';

const servers: ServerProcess[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder of the test's own, removed after it. */
function tempFolder(): string {
  const folder = tempDataDir();
  folders.push(folder);
  return folder;
}

async function health(server: ServerProcess): Promise<{ status: number; body: { participants: number; connections: number } }> {
  const response = await fetch(`${server.url}/healthz`);
  return { status: response.status, body: (await response.json()) as { participants: number; connections: number } };
}

describe('handsup start warms the answer path before the first poll', () => {
  it('answers a scratch poll through its own server and leaves the talk, its data folder and the temp folder as they were', async () => {
    // The server's temp folder, watched: the warm-up's scratch data folder must be gone afterwards.
    const temp = tempFolder();
    const server = await startServer({ env: { TMPDIR: temp } });
    servers.push(server);
    const [, answers] = await server.printed(/answer path warmed up \((\d+) answers to a scratch poll, \d+ ms\)/);
    expect(Number(answers)).toBe(WARM_UP_ANSWERS);
    expect(readdirSync(temp)).toEqual([]);
    expect(await health(server)).toMatchObject({ status: 200, body: { participants: 0, connections: 0 } });

    expect(await server.stop()).toBe(0);
    servers.splice(0);
    const store = new SqliteStore(server.dataDir, { readonly: true });
    try {
      const sessions = store.listSessions();
      expect(sessions.map((session) => [session.deckTitle, session.responses])).toEqual([['Three Networking Disconnects', 0]]);
    } finally {
      store.close();
    }
  });

  it('stops with the talk: a SIGTERM during the warm-up ends it at once, its scratch folder removed', async () => {
    const temp = tempFolder();
    // Stopped as soon as it is ready to be (its last line): the warm-up (2,500 answers, about half a second) has only begun.
    const server = await startServer({ env: { TMPDIR: temp } });
    await server.printed(/Press Ctrl\+C to stop/);
    expect(await server.stop()).toBe(0);
    expect(server.output()).not.toMatch(/answer path warmed up|warm-up of the answer path failed|still open after the command finished/);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('says so when the warm-up fails, and the talk goes on', async () => {
    // A temp folder that is a file: the scratch data folder cannot be made.
    const folder = tempFolder();
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, '');
    const server = await startServer({ env: { TMPDIR: notAFolder } });
    servers.push(server);
    await server.printed(/the warm-up of the answer path failed \(.*ENOTDIR.*\): the first poll's answers are only acknowledged a little later/);
    expect((await health(server)).status).toBe(200);
  });
});

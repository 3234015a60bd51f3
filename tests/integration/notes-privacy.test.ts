/**
 * Speaker notes never leave the presenter console: every form reveal.js knows (`Note:`,
 * `<aside class="notes">` at any depth, `data-notes`) is taken out of the public deck,
 * and no payload a projector or a phone gets (pages, /deck.json, /join.json, socket
 * views and events) carries a word of them, while the console gets them all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { ROOT } from '../support/server-process.ts';

const DECK = join(ROOT, 'tests', 'fixtures', 'notes-privacy.md');
const SECRETS = ['SECRET-ASIDE-ONE', 'SECRET-NOTE-TWO', 'SECRET-NOTE-THREE', 'SECRET-DATA-NOTES-FOUR', 'SECRET-NESTED-FIVE', 'SECRET-ASIDE-SIX', 'SECRET-UPPER-SEVEN'];

let talk: LiveTalk;
const received: string[] = [];

/** Everything a socket receives, as text. */
function record(socket: TestSocket, who: string): void {
  socket.onAny((event: string, ...args: unknown[]) => received.push(`${who} ${event} ${JSON.stringify(args)}`));
}

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

beforeAll(async () => {
  talk = await LiveTalk.start(DECK);
});

afterAll(async () => {
  await talk?.close();
});

describe('speaker notes in every reveal.js form', () => {
  it('reach the presenter console, all of them', async () => {
    const notes = JSON.stringify((await talk.presenterView()).notes);
    expect(SECRETS.filter((secret) => !notes.includes(secret))).toEqual([]);
  });

  it('are in no page, /deck.json, /join.json, nor anything a projector or a phone receives on its socket', async () => {
    const display = await talk.display();
    record(display.socket, 'display');
    received.push(`display state ${JSON.stringify(display.view)}`);
    const phone = await talk.phone(makeId('phone'));
    record(phone.socket, 'phone');
    received.push(`phone state ${JSON.stringify(phone.view)}`);

    // Walk every slide, so each slide's view and its question reach both.
    for (const position of [{ h: 1, v: 0 }, { h: 1, v: 1 }, { h: 2, v: 0 }, { h: 3, v: 0 }]) {
      const moved = nextEvent(display.socket, 'state', (view) => "cursor" in view && view.cursor.h === position.h && view.cursor.v === position.v);
      await talk.goTo(position);
      await moved;
    }
    expect(received.some((line) => line.startsWith('phone '))).toBe(true);

    for (const path of ['/', '/deck.json', '/join.json', '/join', `/j/${talk.joinCode}`]) {
      const body = await (await fetch(`${talk.server.url}${path}`)).text();
      expect(leaks(body), path).toEqual([]);
    }
    expect(leaks(received.join('\n'))).toEqual([]);
    // The slides' own text did arrive: the check looks at real payloads.
    expect(await (await fetch(`${talk.server.url}/deck.json`)).text()).toContain('Public inside the box.');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../server/live/audience-shards.ts';
import { ALL_TYPES_DECK, SLIDES } from '../support/all-types-deck.ts';
import { makeId, nextEvent } from '../support/clients.ts';
import { LiveTalk, pause } from '../support/live-talk.ts';

let talk: LiveTalk;

beforeAll(async () => {
  talk = await LiveTalk.start(ALL_TYPES_DECK);
});

afterAll(async () => {
  await talk?.close();
});

/**
 * A participant id in the given audience shard. A results broadcast reaches shard 0 in the turn
 * it starts and shard 1 a turn later (the others later still): the two that a broadcast started
 * while a commit is counted could get before that commit's acknowledgements.
 */
function idInShard(shard: number): string {
  for (;;) {
    const id = makeId('phone');
    if (shardOf(id) === shard) return id;
  }
}

/**
 * A phone tells a held entry from one it simply cannot see yet by the results that come after
 * its acknowledgement (audience/answer-status.ts): results that overtook the acknowledgement
 * left a held answer saying only "Received" (seen in the browser suite under load).
 */
describe("a phone's acknowledgement comes before the results its answer changed", () => {
  it.each([0, 1])('in a small room, where those results go out at once (a phone in audience shard %i)', async (shard) => {
    await talk.goTo(SLIDES.text);
    const phone = await talk.phone(idInShard(shard));
    // Longer than the phones' interval since the question's last results: the change goes out at once (the leading edge).
    await pause(800);
    const order: string[] = [];
    phone.socket.on('results', (results: { questionId: string }) => {
      if (results.questionId === 'open-text') order.push('results');
    });
    const changed = nextEvent(phone.socket, 'results', (results) => results.questionId === 'open-text', 3000);
    // Noted in the callback itself: both may arrive in one read, and an awaited reply is noted a microtask late.
    const reply = await new Promise((resolve) => {
      phone.socket.emit('answer:submit', { questionId: 'open-text', answerId: makeId('answer'), value: { text: 'this is bullshit' } }, (ack: unknown) => {
        order.push('ack');
        resolve(ack);
      });
    });
    expect(reply).toMatchObject({ ok: true });
    await changed;
    expect(order).toEqual(['ack', 'results']);
  });
});

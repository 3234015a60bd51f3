import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceView, DisplayView, QaResults, ReactionBurst, ScaleResults, TextResults, WordResults } from '../../protocol/session.ts';
import { ALL_TYPES_DECK, SLIDES } from '../support/all-types-deck.ts';
import { makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { LiveTalk, pause, send, syncView } from '../support/live-talk.ts';

const XSS = '<img src=x onerror=alert(1)>';
const ONE_MB = 'x'.repeat(1024 * 1024);

let talk: LiveTalk;

function submit(socket: TestSocket, questionId: string, value: unknown, answerId = makeId('answer')) {
  return send(socket)('answer:submit', { questionId, answerId, value });
}

/** Waits until phones and displays have the question's results as `check` wants them. */
async function publicResults<R>(socket: TestSocket, questionId: string, check: (results: R) => boolean): Promise<R> {
  const [results] = await nextEvent(socket, 'results', (results) => results.questionId === questionId && check(results as R));
  return results as R;
}

beforeAll(async () => {
  talk = await LiveTalk.start(ALL_TYPES_DECK);
});

afterAll(async () => {
  await talk?.close();
});

describe('scale', () => {
  it('counts values from min to max with the average, and refuses values off the scale', async () => {
    await talk.goTo(SLIDES.scale);
    const a = await talk.phone();
    const b = await talk.phone();
    const projector = await talk.display();
    const seen = publicResults<ScaleResults>(projector.socket, 'scale-sure', (results) => results.responses === 2);
    expect(await submit(a.socket, 'scale-sure', { value: 4 })).toMatchObject({ ok: true, answer: { value: { value: 4 } } });
    expect(await submit(b.socket, 'scale-sure', { value: 1 })).toMatchObject({ ok: true });
    const results = await seen;
    expect(results.options.map((option) => option.count)).toEqual([1, 0, 0, 1, 0]);
    expect(results.average).toBe(2.5);
    for (const value of [0, 6, 3.5, '3', null]) {
      expect(await submit(a.socket, 'scale-sure', { value }), String(value)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect(await submit(a.socket, 'scale-sure', { options: [2] })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(a.socket, 'scale-sure', { text: 'five' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect((await talk.presenterView()).results['scale-sure']).toMatchObject({ responses: 2, average: 2.5 });
  });
});

describe('word cloud', () => {
  it('normalises and counts words, up to max-answers per phone, and holds flagged words for the presenter', async () => {
    await talk.goTo(SLIDES.cloud);
    const a = await talk.phone();
    const b = await talk.phone();
    for (const word of ['Coffee', '  coffee ', 'TEA', 'Sh1t', XSS.slice(0, 20)]) {
      const phone = word === 'Coffee' || word === 'TEA' || word === 'Sh1t' ? a : b;
      expect(await submit(phone.socket, 'cloud-words', { text: word }), word).toMatchObject({ ok: true });
    }
    expect(await submit(a.socket, 'cloud-words', { text: 'fourth' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await submit(b.socket, 'cloud-words', { text: 'COFFEE' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await submit(b.socket, 'cloud-words', { text: 'x'.repeat(21) })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(b.socket, 'cloud-words', { text: '' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(b.socket, 'cloud-words', { text: 'x'.repeat(1001) })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(b.socket, 'cloud-words', { value: 3 })).toMatchObject({ ok: false, code: 'bad_request' });

    const shown = (await syncView<AudienceView>(b.socket)).results as WordResults;
    expect(shown.words.map((word) => [word.word, word.count])).toEqual([['Coffee', 2], [XSS.slice(0, 20), 1], ['TEA', 1]]);
    expect(shown.total).toBe(4);
    const presenter = (await talk.presenterView()).results['cloud-words'] as WordResults;
    expect(presenter.words[0]).toMatchObject({ id: 'sh1t', status: 'pending', flagged: true });
    expect((await syncView<AudienceView>(b.socket)).ownAnswers.map((answer) => answer.value)).toEqual([{ text: 'coffee' }, { text: XSS.slice(0, 20) }]);

    expect(await send(talk.presenter)('moderation:set', { questionId: 'cloud-words', entryId: 'tea', status: 'hidden' })).toMatchObject({ ok: true, entry: { status: 'hidden' } });
    const after = (await syncView<AudienceView>(a.socket)).results as WordResults;
    expect(after.words.map((word) => word.id)).toEqual(['coffee', XSS.slice(0, 20).toLowerCase()]);
  });
});

describe('open text', () => {
  it('shows clean answers, holds flagged ones, and shows what the presenter approves, as plain text', async () => {
    await talk.goTo(SLIDES.text);
    const writer = await talk.phone();
    const swearer = await talk.phone();
    const jargon = await talk.phone();
    const projector = await talk.display();
    const xss = await submit(writer.socket, 'open-text', { text: `  ${XSS} <script>alert(1)</script> [x](javascript:alert(1))  ` });
    expect(xss).toMatchObject({ ok: true });
    const xssId = (xss.answer as { answerId: string }).answerId;
    const swearId = makeId('t');
    expect(await submit(swearer.socket, 'open-text', { text: 'this is bullshit' }, swearId)).toMatchObject({ ok: true });
    const jargonId = makeId('t');
    expect(await submit(jargon.socket, 'open-text', { text: 'More synergy!' }, jargonId)).toMatchObject({ ok: true });
    expect(await submit(jargon.socket, 'open-text', { text: 'y'.repeat(101) })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(jargon.socket, 'open-text', { text: '   ' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await submit(jargon.socket, 'open-text', { options: [0] })).toMatchObject({ ok: false, code: 'bad_request' });

    const results = (await syncView<DisplayView>(projector.socket)).results['open-text'] as TextResults;
    expect(results.answers).toEqual([
      { id: xssId, text: `${XSS} <script>alert(1)</script> [x](javascript:alert(1))`, answeredAt: expect.any(Number), status: 'approved', flagged: false },
    ]);
    const queue = (await talk.presenterView()).results['open-text'] as TextResults;
    expect(queue.answers.map((answer) => [answer.id, answer.status, answer.flagged])).toEqual([
      [jargonId, 'pending', true],
      [swearId, 'pending', true],
      [xssId, 'approved', false],
    ]);

    const shown = publicResults<TextResults>(projector.socket, 'open-text', (r) => r.answers.some((answer) => answer.id === jargonId));
    expect(await send(talk.presenter)('moderation:set', { questionId: 'open-text', entryId: jargonId, status: 'approved' })).toEqual({
      ok: true,
      entry: { questionId: 'open-text', entryId: jargonId, status: 'approved', flagged: true, answered: false, pinned: false },
    });
    expect((await shown).answers.map((answer) => answer.id)).toEqual([jargonId, xssId]);
    expect(await send(talk.presenter)('moderation:set', { questionId: 'open-text', entryId: xssId, status: 'hidden' })).toMatchObject({ ok: true });
    const phoneSees = (await syncView<AudienceView>(swearer.socket)).results as TextResults;
    expect(phoneSees.answers.map((answer) => answer.id)).toEqual([jargonId]);
  });
});

describe('Q&A', () => {
  it('takes questions, one upvote per phone each, sorts by votes, and lets the presenter mark, pin and hide', async () => {
    await talk.goTo(SLIDES.qa);
    const asker = await talk.phone();
    const voters = [await talk.phone(), await talk.phone()];
    const first = await submit(asker.socket, 'audience-qa', { text: 'Why Markdown?' });
    const second = await submit(asker.socket, 'audience-qa', { text: XSS });
    const firstId = (first.answer as { answerId: string }).answerId;
    const secondId = (second.answer as { answerId: string }).answerId;
    expect(await submit(asker.socket, 'audience-qa', { text: 'q'.repeat(201) })).toMatchObject({ ok: false, code: 'bad_request' });

    const upvote = (socket: TestSocket, entryId: string, questionId = 'audience-qa') => send(socket)('qa:upvote', { questionId, entryId });
    expect(await upvote(voters[0]!.socket, secondId)).toEqual({ ok: true, entryId: secondId, votes: 1, duplicate: false });
    expect(await upvote(voters[0]!.socket, secondId)).toEqual({ ok: true, entryId: secondId, votes: 1, duplicate: true });
    expect(await upvote(voters[1]!.socket, secondId)).toMatchObject({ ok: true, votes: 2 });
    expect(await upvote(voters[1]!.socket, firstId)).toMatchObject({ ok: true, votes: 1 });
    expect(await upvote(asker.socket, firstId)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await upvote(voters[0]!.socket, 'no-such-entry')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await upvote(voters[0]!.socket, firstId, 'no-such-question')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await upvote(voters[0]!.socket, firstId, 'open-text')).toMatchObject({ ok: false, code: 'bad_request' });
    for (const bad of [{}, { questionId: 'audience-qa' }, { questionId: 'audience-qa', entryId: '' }, { questionId: 'audience-qa', entryId: 'e'.repeat(201) }, 'nope']) {
      expect(await send(voters[0]!.socket)('qa:upvote', bad), JSON.stringify(bad).slice(0, 40)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect((await syncView<AudienceView>(voters[0]!.socket)).ownVotes).toEqual([secondId]);

    let shown = (await syncView<AudienceView>(voters[0]!.socket)).results as QaResults;
    expect(shown.questions.map((entry) => [entry.text, entry.votes])).toEqual([[XSS, 2], ['Why Markdown?', 1]]);

    const mark = (payload: unknown) => send(talk.presenter)('qa:mark', payload);
    expect(await mark({ questionId: 'audience-qa', entryId: firstId, pinned: true })).toMatchObject({ ok: true, entry: { pinned: true } });
    expect(await mark({ questionId: 'audience-qa', entryId: secondId, answered: true })).toMatchObject({ ok: true, entry: { answered: true, pinned: false } });
    expect(await mark({ questionId: 'audience-qa', entryId: secondId })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await mark({ questionId: 'audience-qa', entryId: 'nope', answered: true })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await mark({ questionId: 'open-text', entryId: firstId, answered: true })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await mark({ questionId: 'audience-qa', entryId: firstId, pinned: 'yes' })).toMatchObject({ ok: false, code: 'bad_request' });
    const projector = await talk.display();
    shown = projector.view.results['audience-qa'] as QaResults;
    expect(shown.questions.map((entry) => [entry.text, entry.pinned, entry.answered])).toEqual([['Why Markdown?', true, false], [XSS, false, true]]);

    expect(await send(talk.presenter)('moderation:set', { questionId: 'audience-qa', entryId: firstId, status: 'hidden' })).toMatchObject({ ok: true });
    shown = (await syncView<DisplayView>(projector.socket)).results['audience-qa'] as QaResults;
    expect(shown.questions.map((entry) => entry.id)).toEqual([secondId]);
    expect(await upvote(voters[0]!.socket, firstId)).toMatchObject({ ok: false, code: 'not_found' });
    const presenter = (await talk.presenterView()).results['audience-qa'] as QaResults;
    expect(presenter.questions.map((entry) => [entry.id, entry.status])).toEqual([[firstId, 'hidden'], [secondId, 'approved']]);

    await talk.control('audience-qa', 'close');
    expect(await upvote(voters[1]!.socket, secondId)).toMatchObject({ ok: false, code: 'closed' });
    await talk.control('audience-qa', 'reopen');
  });
});

describe('reactions', () => {
  it('go to the presenter and displays in coalesced bursts, count per slide, and are rate-limited per phone', async () => {
    await talk.goTo(SLIDES.title);
    const projector = await talk.display();
    const a = await talk.phone();
    const b = await talk.phone();
    const burst = nextEvent(projector.socket, 'reactions', (r) => (r.totals['👏'] ?? 0) >= 3);
    expect(await send(a.socket)('reaction:send', { emoji: '👏' })).toEqual({ ok: true });
    expect(await send(a.socket)('reaction:send', { emoji: '👏' })).toEqual({ ok: true });
    expect(await send(b.socket)('reaction:send', { emoji: '👏' })).toEqual({ ok: true });
    expect(await send(b.socket)('reaction:send', { emoji: '❤️' })).toEqual({ ok: true });
    const [received] = (await burst) as [ReactionBurst];
    expect(received.slideIndex).toBe(0);
    expect(received.totals).toEqual({ '👏': 3, '❤️': 1 });

    for (const bad of [{ emoji: '💩' }, { emoji: '<script>' }, { emoji: 'x'.repeat(5000) }, {}, null]) {
      expect(await send(a.socket)('reaction:send', bad), JSON.stringify(bad).slice(0, 30)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    // A burst of 5, then one a second: a sixth at once is refused; the same phone on a second socket shares the budget.
    const c = await talk.phone();
    const replies = [];
    for (let n = 0; n < 5; n += 1) replies.push(await send(c.socket)('reaction:send', { emoji: '😂' }));
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const again = await talk.phone(c.participantId);
    expect(await send(again.socket)('reaction:send', { emoji: '😂' })).toMatchObject({ ok: false, code: 'rate_limited' });
    await pause(1100);
    expect(await send(c.socket)('reaction:send', { emoji: '😂' })).toEqual({ ok: true });
    await pause(400);
    const counts = (await talk.presenterView()).reactions.find((slide) => slide.slideIndex === 0)!.counts;
    expect(counts).toEqual({ '👏': 3, '❤️': 1, '😂': 6 });
    for (const socket of [projector.socket, talk.presenter]) {
      expect(await send(socket)('reaction:send', { emoji: '👏' })).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});

describe('the public deck', () => {
  it('carries neither quiz answers nor the deck\'s moderation settings', async () => {
    const deck = await (await fetch(`${talk.server.url}/deck.json`)).text();
    expect(deck).toContain('Capital of France?');
    expect(deck).not.toContain('"correct"');
    expect(deck).not.toContain('synergy');
    expect(deck).not.toContain('moderation');
  });
});

describe('who may send what', () => {
  it('refuses the presenter events from phones and displays, and the phone events from presenter and displays', async () => {
    const phone = await talk.phone();
    const projector = await talk.display();
    const before = JSON.stringify((await talk.presenterView()).results);
    for (const socket of [phone.socket, projector.socket]) {
      expect(await send(socket)('moderation:set', { questionId: 'open-text', entryId: 'anything', status: 'approved' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await send(socket)('qa:mark', { questionId: 'audience-qa', entryId: 'anything', pinned: true })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    for (const socket of [talk.presenter, projector.socket]) {
      expect(await send(socket)('qa:upvote', { questionId: 'audience-qa', entryId: 'anything' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await send(socket)('answer:submit', { questionId: 'audience-qa', answerId: makeId(), value: { text: 'hi' } })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(JSON.stringify((await talk.presenterView()).results)).toBe(before);
  });

  it('answers malformed presenter payloads with bad_request, unknown entries with not_found, huge ones with too_large', async () => {
    const cases: [unknown, string][] = [
      [null, 'bad_request'],
      [{ questionId: 'open-text', entryId: 'x', status: 'pending' }, 'bad_request'],
      [{ questionId: 'open-text', entryId: 'x', status: 'deleted' }, 'bad_request'],
      [{ questionId: 'open-text', status: 'hidden' }, 'bad_request'],
      [{ questionId: 'open-text', entryId: 'not-an-entry', status: 'hidden' }, 'not_found'],
      [{ questionId: 'no-such-question', entryId: 'x', status: 'hidden' }, 'not_found'],
      [{ questionId: 'scale-sure', entryId: 'x', status: 'hidden' }, 'bad_request'],
      [{ questionId: 'open-text', entryId: ONE_MB, status: 'hidden' }, 'too_large'],
    ];
    for (const [payload, code] of cases) {
      const reply = await send(talk.presenter)('moderation:set', payload);
      expect(reply, JSON.stringify(payload).slice(0, 80)).toMatchObject({ ok: false, code });
      expect(reply.message).toBeTruthy();
    }
  });
});

describe('after a restart', () => {
  it('keeps nicknames, moderation decisions, upvotes and reaction counts', async () => {
    const before = await talk.presenterView();
    const phone = await talk.phone();
    expect(await send(phone.socket)('participant:nickname', { nickname: 'Keeper' })).toMatchObject({ ok: true });
    await pause(400); // reaction counts are written with each burst
    await talk.server.kill();
    await talk.restart(ALL_TYPES_DECK);
    const after = await talk.presenterView();
    for (const questionId of ['open-text', 'audience-qa', 'cloud-words', 'scale-sure']) {
      expect(after.results[questionId], questionId).toEqual(before.results[questionId]);
    }
    expect(after.reactions).toEqual(before.reactions);
    expect((await talk.phone(phone.participantId)).view.nickname).toBe('Keeper');
    const other = await talk.phone();
    expect(await send(other.socket)('participant:nickname', { nickname: 'keeper' })).toMatchObject({ ok: false, code: 'conflict' });
  });
});

import { describe, expect, it } from 'vitest';
import type { TextResults } from '../../protocol/session.ts';
import { createProfanityCheck } from '../../server/engine/profanity.ts';
import { allTypesDeck, allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

const say = (answerId: string, text: string) => ({ questionId: 'open-text', answerId, value: { text } });
const ids = (results: unknown) => (results as TextResults).answers.map((answer) => [answer.id, answer.status]);

describe('the profanity filter', () => {
  it('catches the built-in list (also disguised) and the deck words as whole words, and spares innocent words', () => {
    const check = createProfanityCheck({ profanityFilter: true, blockedWords: ['synergy', 'circle back'] });
    for (const text of ['what the fuck', 'fuuuck', 'sh1t happens', 'more SYNERGY!', "let's circle back"]) expect(check(text), text).toBe(true);
    for (const text of ['Scunthorpe', 'a classic assessment', 'synergies', 'circle']) expect(check(text), text).toBe(false);
  });

  it('can be switched off by the deck, keeping only the deck words', () => {
    const check = createProfanityCheck({ profanityFilter: false, blockedWords: ['synergy'] });
    expect(check('what the fuck')).toBe(false);
    expect(check('synergy')).toBe(true);
    expect(createProfanityCheck({ profanityFilter: false, blockedWords: [] })('synergy shit')).toBe(false);
  });

  it('reads the deck front matter', () => {
    expect(allTypesDeck().moderation).toEqual({ profanityFilter: true, blockedWords: ['synergy', 'circle back'] });
  });
});

describe('text answers and moderation', () => {
  it('shows clean answers at once, holds flagged ones for the presenter, and lets the presenter decide', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.text);
    engine.submitAnswer('p1', say('t1', 'Pair programming'), 1);
    engine.submitAnswer('p2', say('t2', 'this is shit'), 2);
    engine.submitAnswer('p3', say('t3', '<img src=x onerror=alert(1)>'), 3);
    expect(ids(engine.results('open-text'))).toEqual([['t2', 'pending'], ['t3', 'approved'], ['t1', 'approved']]);
    expect(ids(engine.publicResults('open-text'))).toEqual([['t3', 'approved'], ['t1', 'approved']]);
    // Markup is kept as the text it is: the pages render it with textContent.
    expect((engine.publicResults('open-text') as TextResults).answers[0]!.text).toBe('<img src=x onerror=alert(1)>');

    expect(engine.moderate('open-text', 't2', 'approved')).toMatchObject({
      ok: true,
      entry: { questionId: 'open-text', entryId: 't2', status: 'approved', flagged: true },
      records: [{ kind: 'entry-mark' }],
      effects: [{ kind: 'results-changed' }],
    });
    const hidden = engine.moderate('open-text', 't3', 'hidden');
    expect(hidden.ok && [...hidden.records, ...hidden.effects].map((item) => item.kind)).toEqual(['entry-mark', 'results-changed']);
    const again = engine.moderate('open-text', 't3', 'hidden');
    expect(again.ok && again.effects).toEqual([]);
    expect(ids(engine.publicResults('open-text'))).toEqual([['t2', 'approved'], ['t1', 'approved']]);
  });

  it('replaces a phone\'s answer with its new one, which is moderated afresh', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.text);
    engine.submitAnswer('p1', say('t1', 'first thought'), 1);
    engine.moderate('open-text', 't1', 'hidden');
    engine.submitAnswer('p1', say('t2', 'second   thought\n\n\n\nwith lines'), 2);
    expect((engine.publicResults('open-text') as TextResults).answers).toEqual([
      { id: 't2', text: 'second thought\n\nwith lines', answeredAt: 2, status: 'approved', flagged: false },
    ]);
    expect(engine.moderate('open-text', 't1', 'approved')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses empty, too long and wrongly shaped answers, and moderation of what is not there', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.text);
    expect(engine.submitAnswer('p1', say('t1', ' \n '), 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p1', say('t2', 'x'.repeat(101)), 1)).toMatchObject({ ok: false, code: 'bad_request', message: 'the answer is 101 characters long; the most is 100 — shorten it' });
    expect(engine.submitAnswer('p1', { questionId: 'open-text', answerId: 't3', value: { value: 1 } }, 1)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.moderate('open-text', 'nope', 'hidden')).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.moderate('nope', 'nope', 'hidden')).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.moderate('scale-sure', 'x', 'hidden')).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('keeps the presenter\'s decisions and forgets a reset question\'s', () => {
    const engine = allTypesEngine({
      cursor: { h: 4, v: 0, f: -1 },
      questionStates: [{ questionId: 'open-text', status: 'open', revealed: true, responses: 0, openedAt: 0, closedAt: null }],
      answers: [
        { questionId: 'open-text', participantId: 'p1', answerId: 't1', value: { text: 'fuck' }, answeredAt: 1 },
        { questionId: 'open-text', participantId: 'p2', answerId: 't2', value: { text: 'fine' }, answeredAt: 2 },
      ],
      discardedAnswerIds: [],
      entryMarks: [{ questionId: 'open-text', entryId: 't1', status: 'approved', answered: false, pinned: false }],
    });
    expect(ids(engine.publicResults('open-text'))).toEqual([['t2', 'approved'], ['t1', 'approved']]);
    engine.control('open-text', 'reset', 3);
    expect((engine.results('open-text') as TextResults).answers).toEqual([]);
  });
});

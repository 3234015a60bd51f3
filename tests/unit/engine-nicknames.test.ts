import { describe, expect, it } from 'vitest';
import { fallbackName } from '../../server/engine/nicknames.ts';
import { allTypesEngine } from '../support/all-types-deck.ts';

describe('nicknames', () => {
  it('trims, collapses spaces and saves; setting the same again changes nothing', () => {
    const engine = allTypesEngine();
    expect(engine.setNickname('p1', '  Ada   Lovelace ')).toMatchObject({
      ok: true,
      nickname: 'Ada Lovelace',
      records: [{ kind: 'nickname', participantId: 'p1', nickname: 'Ada Lovelace' }],
      effects: [{ kind: 'board-changed' }],
    });
    expect(engine.setNickname('p1', 'Ada Lovelace')).toMatchObject({ ok: true, records: [], effects: [] });
    expect(engine.audienceView('p1').nickname).toBe('Ada Lovelace');
  });

  it('keeps them unique whatever the case, and suggests a free one', () => {
    const engine = allTypesEngine();
    engine.setNickname('p1', 'Ada');
    engine.setNickname('p2', 'Ada 2');
    // The suggestion comes as a particular too: a phone says it in its own language.
    expect(engine.setNickname('p3', 'ADA')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'the nickname "ADA" is taken — try "ADA 3"',
      detail: { reason: 'nickname_taken', suggestion: 'ADA 3' },
    });
    // A phone may change its own nickname's case, and its old one becomes free.
    expect(engine.setNickname('p1', 'ada')).toMatchObject({ ok: true, nickname: 'ada' });
    expect(engine.setNickname('p1', 'Grace')).toMatchObject({ ok: true });
    expect(engine.setNickname('p3', 'Ada')).toMatchObject({ ok: true });
  });

  it('refuses empty, too long and offensive nicknames with a message saying what to fix', () => {
    const engine = allTypesEngine();
    expect(engine.setNickname('p1', '   ')).toMatchObject({ ok: false, code: 'bad_request', message: 'the nickname is empty — type something first' });
    expect(engine.setNickname('p1', 'x'.repeat(25))).toMatchObject({ ok: false, code: 'bad_request', message: 'the nickname is 25 characters long; the most is 24 — shorten it' });
    expect(engine.setNickname('p1', 'x'.repeat(24))).toMatchObject({ ok: true });
    expect(engine.setNickname('p2', 'Dickhead')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.setNickname('p2', 'Mr Synergy')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.setNickname('p2', 'zero\u200Bwidth')).toMatchObject({ ok: true, nickname: 'zerowidth' });
  });

  it('gives phones without one a stable "Player XXXX" name that does not reveal the id', () => {
    expect(fallbackName('phone-123456')).toMatch(/^Player [0-9A-F]{4}$/);
    expect(fallbackName('phone-123456')).toBe(fallbackName('phone-123456'));
    expect(fallbackName('phone-123456')).not.toBe(fallbackName('phone-123457'));
  });
});

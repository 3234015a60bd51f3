import { describe, expect, it } from 'vitest';
import type { WordResults } from '../../protocol/session.ts';
import { wordKey } from '../../protocol/word-key.ts';
import { allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

const word = (answerId: string, text: string) => ({ questionId: 'cloud-words', answerId, value: { text } });

describe('word clouds', () => {
  it('normalises case and spacing for counting and keeps the first spelling for showing', () => {
    expect(wordKey('  Coffee   Break ')).toBe('coffee break');
    const engine = allTypesEngine();
    goTo(engine, SLIDES.cloud);
    engine.submitAnswer('p1', word('a1', '  Coffee   Break '), 1);
    engine.submitAnswer('p2', word('a2', 'coffee break'), 2);
    engine.submitAnswer('p2', word('a3', 'Tea'), 3);
    engine.submitAnswer('p3', word('a4', 'COFFEE BREAK'), 4);
    expect(engine.publicResults('cloud-words')).toEqual({
      type: 'wordcloud',
      questionId: 'cloud-words',
      responses: 3,
      total: 4,
      words: [
        { id: 'coffee break', word: 'Coffee Break', count: 3, status: 'approved', flagged: false },
        { id: 'tea', word: 'Tea', count: 1, status: 'approved', flagged: false },
      ],
    });
    expect(engine.audienceView('p2').ownAnswers.map((answer) => answer.value)).toEqual([{ text: 'coffee break' }, { text: 'Tea' }]);
  });

  it('takes up to max-answers words per phone, each once, within max-length', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.cloud);
    for (const [index, text] of ['one', 'two', 'three'].entries()) {
      expect(engine.submitAnswer('p1', word(`w${index}`, text), index)).toMatchObject({ ok: true });
    }
    expect(engine.submitAnswer('p1', word('w3', 'four'), 5)).toMatchObject({ ok: false, code: 'conflict', message: 'you have sent the 3 answer(s) this question takes' });
    expect(engine.submitAnswer('p2', word('w4', 'one'), 5)).toMatchObject({ ok: true });
    expect(engine.submitAnswer('p2', word('w5', ' ONE '), 6)).toMatchObject({ ok: false, code: 'conflict', message: 'you already sent "ONE"' });
    expect(engine.submitAnswer('p2', word('w6', 'x'.repeat(21)), 6)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p2', word('w7', '   '), 6)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.submitAnswer('p2', { questionId: 'cloud-words', answerId: 'w8', value: { options: [0] } }, 6)).toMatchObject({ ok: false, code: 'bad_request' });
    // An emoji is one character, not two UTF-16 units.
    expect(engine.submitAnswer('p2', word('w9', '🎉'.repeat(20)), 6)).toMatchObject({ ok: true });
    expect((engine.results('cloud-words') as WordResults).total).toBe(5);
  });

  it('holds words the filter flags: the presenter sees them, phones and displays only once approved', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.cloud);
    engine.submitAnswer('p1', word('a1', 'shit'), 1);
    engine.submitAnswer('p2', word('a2', 'Synergy'), 2);
    engine.submitAnswer('p3', word('a3', 'fun'), 3);
    const presenter = engine.results('cloud-words') as WordResults;
    expect(presenter.words.map((w) => [w.id, w.status, w.flagged])).toEqual([
      ['shit', 'pending', true],
      ['synergy', 'pending', true],
      ['fun', 'approved', false],
    ]);
    expect((engine.publicResults('cloud-words') as WordResults).words.map((w) => w.id)).toEqual(['fun']);
    expect(engine.moderate('cloud-words', 'synergy', 'approved')).toMatchObject({ ok: true, entry: { status: 'approved', flagged: true } });
    engine.moderate('cloud-words', 'fun', 'hidden');
    const shown = engine.publicResults('cloud-words') as WordResults;
    expect(shown.words.map((w) => w.word)).toEqual(['Synergy']);
    expect(shown.total).toBe(1);
  });
});

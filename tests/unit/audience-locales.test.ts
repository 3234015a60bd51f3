import { describe, expect, it } from 'vitest';
import { formatFor } from '../../audience/i18n/format.ts';
import { LOCALES, pickLocale } from '../../audience/i18n/pick-locale.ts';
import type { Strings } from '../../audience/strings.ts';
import { en, EVERY_REFUSAL, stringsFor } from '../support/phone-strings.ts';

/**
 * Every language table against English: the same keys, and every entry translated. A
 * function is called with sample arguments; its words must differ from English's.
 */
const SAMPLE = {
  score: { points: 1863, rank: 2, players: 14, streak: 1, question: null, podium: null },
  entry: { id: 'e', text: 'Why?', askedAt: 0, votes: 3, answered: true, pinned: true, status: 'approved', flagged: false },
} as const;

/** The functions that take a count; the others take a text from the talk. */
const NUMBER_ARGUMENT = new Set<keyof Strings>(['nicknameHelp', 'resultsResponses', 'resultsTimes', 'resultsAverage', 'announceTimeRunningOut']);

/** Each entry of a table as text, functions called with samples that reach every branch they have. */
function rendered(table: Strings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(table) as [keyof Strings, Strings[keyof Strings]][]) {
    if (typeof value === 'string') {
      out[key] = value;
      continue;
    }
    const call = value as (...args: unknown[]) => string;
    const samples: unknown[][] = {
      outcome: [[{ outcome: 'right', points: 875, bonus: 100 }], [{ outcome: 'wrong', points: 0, bonus: 0 }], [{ outcome: 'missed', points: 0, bonus: 0 }]],
      scoreTotal: [[SAMPLE.score], [{ ...SAMPLE.score, podium: [] }]],
      podiumEntry: [[{ rank: 1, name: 'Ana', points: 1863, rightAnswers: 2 }]],
      qaAbout: [[SAMPLE.entry, true]],
      timeLeft: [[12], [0]],
      wordsLeft: [[2, 3], [0, 3]],
      questionsLeft: [[4], [0]],
      characters: [[14, 100]],
      resultsFigure: [[2, 67]],
      yourWords: [[['Tea', 'Cake']]],
      refusal: EVERY_REFUSAL.map((refusal) => [refusal]),
    }[key as string] ?? [[NUMBER_ARGUMENT.has(key) ? 5 : 'KMPQRS']];
    samples.forEach((args, index) => (out[`${key}#${index}`] = call(...args)));
  }
  return out;
}

/** Entries that are the same word in English and in a language, checked by a person. */
const SAME_AS_ENGLISH: Partial<Record<(typeof LOCALES)[number], string[]>> = {
  // "×5": a sign and a number.
  fr: ['resultsTimes#0'],
  de: ['resultsTimes#0'],
  es: ['resultsTimes#0'],
  pt: ['resultsTimes#0'],
  it: ['resultsTimes#0'],
  nl: ['resultsTimes#0'],
  pl: ['resultsTimes#0'],
};

describe('the phone in every language', () => {
  const english = rendered(en);

  for (const code of LOCALES.filter((locale) => locale !== 'en')) {
    it(`${code}: has every English entry, and none left in English`, async () => {
      const table = await stringsFor(code);
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
      const own = rendered(table);
      const untranslated = Object.keys(english).filter((key) => own[key] === english[key] && !SAME_AS_ENGLISH[code]?.includes(key));
      expect(untranslated).toEqual([]);
      for (const text of Object.values(own)) expect(text.trim()).not.toBe('');
    });
  }

  it('writes numbers, percents and points the phone\'s way', async () => {
    expect(en.scoreTotal(SAMPLE.score)).toBe('Total: 1,863 points, rank 2 of 14');
    expect((await stringsFor('de')).scoreTotal(SAMPLE.score)).toBe('Gesamt: 1.863 Punkte, Platz 2 von 14');
    // French spaces its percent sign and its thousands (with no-break spaces, as ICU writes them).
    const french = { percent: new Intl.NumberFormat('fr', { style: 'percent' }).format(0.67), points: new Intl.NumberFormat('fr').format(1863) };
    expect(french).not.toEqual({ percent: '67%', points: '1,863' });
    expect((await stringsFor('fr')).resultsFigure(2, 67)).toBe(`2 votes, ${french.percent}`);
    expect((await stringsFor('fr')).podiumEntry({ rank: 1, name: 'Léa', points: 1863, rightAnswers: 2 })).toBe(`1. Léa\u00a0: ${french.points} points`);
    // Swiss German groups thousands its own way (the exact mark is ICU's).
    const swiss = new Intl.NumberFormat('de-CH').format(1863);
    expect(swiss).not.toBe('1.863');
    expect((await stringsFor('de', 'de-CH')).scoreTotal(SAMPLE.score)).toBe(`Gesamt: ${swiss} Punkte, Platz 2 von 14`);
    // Polish counts have three forms.
    const pl = await stringsFor('pl');
    expect([1, 2, 5, 22].map((points) => pl.podiumEntry({ rank: 1, name: 'Ola', points, rightAnswers: 1 }))).toEqual([
      '1. Ola: 1 punkt',
      '1. Ola: 2 punkty',
      '1. Ola: 5 punktów',
      '1. Ola: 22 punkty',
    ]);
    expect(formatFor('en').plural(1, { one: '# vote', other: '# votes' })).toBe('1 vote');
  });
});

describe('which language a phone speaks', () => {
  it('follows the deck\'s lang when it can, else the phone\'s languages in order, else English', () => {
    expect(pickLocale(undefined, ['de-AT', 'en'])).toEqual({ code: 'de', tag: 'de-AT' });
    expect(pickLocale(undefined, ['ja', 'pt-BR'])).toEqual({ code: 'pt', tag: 'pt-BR' });
    expect(pickLocale(undefined, ['ja', 'ko'])).toEqual({ code: 'en', tag: 'en' });
    expect(pickLocale(undefined, ['en-GB'])).toEqual({ code: 'en', tag: 'en-GB' });
    // The deck says French: French words, in the phone's own French when it has one.
    expect(pickLocale('fr', ['en-US'])).toEqual({ code: 'fr', tag: 'fr' });
    expect(pickLocale('fr', ['en-US', 'fr-CA'])).toEqual({ code: 'fr', tag: 'fr-CA' });
    // A deck language the phone cannot speak falls back to the phone's own.
    expect(pickLocale('ja', ['nl-BE'])).toEqual({ code: 'nl', tag: 'nl-BE' });
  });
});

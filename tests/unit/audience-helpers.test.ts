import { describe, expect, it } from 'vitest';
import type { PublicQuestion } from '../../protocol/deck.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { TextResults, WordResults } from '../../protocol/session.ts';
import { handshakeSchema } from '../../protocol/events.ts';
import { isWellFormedJoinCode, normaliseJoinCode } from '../../protocol/join-code.ts';
import { announcementsFor, type LiveSnapshot } from '../../audience/announcements.ts';
import { answerStatus, entryWhereabouts, resultsHint } from '../../audience/answer-status.ts';
import { joinCodeFromPath, pathForJoinCode } from '../../audience/join-route.ts';
import { decideNickname, decidedNickname, participantIdFor, randomId, tidyNickname } from '../../audience/participant.ts';
import { memoryStore } from '../../audience/storage.ts';
import { en } from '../support/phone-strings.ts';

describe('join codes as typed on a phone', () => {
  it('tidies case, spaces and dashes', () => {
    expect(normaliseJoinCode(' kmp-qrs ')).toBe('KMPQRS');
    expect(normaliseJoinCode('k m p q r s')).toBe('KMPQRS');
  });

  it('tells a code shape from something else', () => {
    expect(isWellFormedJoinCode('KMPQRS')).toBe(true);
    expect(isWellFormedJoinCode('KMPQR')).toBe(false);
    expect(isWellFormedJoinCode('KMPQR1')).toBe(false);
  });

  it('reads the code from /j/CODE and nothing from /join', () => {
    expect(joinCodeFromPath('/j/kmpqrs')).toBe('KMPQRS');
    expect(joinCodeFromPath('/j/KMP%20QRS/')).toBe('KMPQRS');
    expect(joinCodeFromPath('/j/%E0%A4%A')).toBe('%E0%A4%A');
    expect(joinCodeFromPath('/join')).toBeUndefined();
    expect(joinCodeFromPath('/j/')).toBeUndefined();
    expect(pathForJoinCode('KMPQRS')).toBe('/j/KMPQRS');
  });
});

describe('the participant', () => {
  it('makes a 128-bit base64url id the server accepts', () => {
    const id = randomId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomId(() => new Uint8Array(16).fill(255))).toBe('_____________________w');
    expect(handshakeSchema.safeParse({ role: 'audience', joinCode: 'KMPQRS', participantId: id }).success).toBe(true);
  });

  it('keeps one id per join code', () => {
    const store = memoryStore();
    const first = participantIdFor(store, 'KMPQRS');
    expect(participantIdFor(store, 'KMPQRS')).toBe(first);
    expect(participantIdFor(store, 'ABCDEF')).not.toBe(first);
    store.set('handsup:participant:KMPQRS', 'bad id!');
    expect(participantIdFor(store, 'KMPQRS')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('remembers the nickname decision per talk, skipping included', () => {
    const store = memoryStore();
    expect(decidedNickname(store, 'KMPQRS')).toBeUndefined();
    expect(decideNickname(store, 'KMPQRS', '  Ada  ')).toBe('Ada');
    expect(decidedNickname(store, 'KMPQRS')).toBe('Ada');
    expect(decideNickname(store, 'ABCDEF', '   ')).toBe('');
    expect(decidedNickname(store, 'ABCDEF')).toBe('');
  });

  it('cuts a nickname to the limit without splitting an emoji', () => {
    expect(tidyNickname('a'.repeat(30))).toHaveLength(24);
    const cut = tidyNickname(`${'a'.repeat(23)}😀`);
    expect(cut).toBe('a'.repeat(23));
  });
});

describe('the handshake nickname', () => {
  const base = { role: 'audience', joinCode: 'KMPQRS', participantId: 'participant-1' } as const;
  it('is optional, trimmed and at most 24 characters', () => {
    expect(handshakeSchema.parse(base)).toEqual(base);
    expect(handshakeSchema.parse({ ...base, nickname: '  Ada ' })).toEqual({ ...base, nickname: 'Ada' });
    expect(handshakeSchema.safeParse({ ...base, nickname: 'x'.repeat(25) }).success).toBe(false);
  });
});

describe('the answer status line', () => {
  const idle = { open: true, pending: false, sending: false, received: false, rejection: null };
  it('says where the answer is', () => {
    expect(answerStatus(idle, en)).toEqual({ kind: 'none', text: '' });
    expect(answerStatus({ ...idle, pending: true, sending: true }, en).text).toBe('Sending…');
    expect(answerStatus({ ...idle, pending: true, received: true }, en).kind).toBe('queued');
    expect(answerStatus({ ...idle, received: true }, en).text).toBe(en.statusReceivedCanChange);
    expect(answerStatus({ ...idle, open: false, received: true }, en).text).toBe(en.statusReceived);
    expect(answerStatus({ ...idle, rejection: 'no' }, en)).toEqual({ kind: 'rejected', text: 'no' });
  });

  it('says a quiz answer is locked in, a typed one is where its rules put it, a scale one can change', () => {
    const received = { ...idle, received: true };
    expect(answerStatus(received, en, 'quiz')).toEqual({ kind: 'received', text: en.statusLockedIn });
    for (const type of ['text', 'qa', 'wordcloud'] as const) {
      expect(answerStatus(received, en, type).text).toBe(en.statusReceived);
      expect(answerStatus({ ...received, entry: 'shown' }, en, type).text).toBe(en.statusEntryShown);
      expect(answerStatus({ ...received, entry: 'held' }, en, type).text).toBe(en.statusEntryHeld);
    }
    expect(answerStatus(received, en, 'scale').text).toBe(en.statusReceivedCanChange);
    expect(answerStatus({ ...received, pending: true }, en, 'quiz').kind).toBe('queued');
  });

  it('explains missing results by the question setting', () => {
    const question = (results: 'live' | 'after-vote' | 'after-close' | 'presenter-only') =>
      ({ id: 'q', type: 'choice', question: 'Q?', options: ['A', 'B'], multiple: false, results, slideIndex: 1, line: 1 }) as PublicQuestion;
    expect(resultsHint(question('after-vote'), false, true, en)).toBe(en.resultsAfterVote);
    expect(resultsHint(question('after-vote'), true, true, en)).toBeNull();
    expect(resultsHint(question('after-close'), true, true, en)).toBe(en.resultsAfterClose);
    expect(resultsHint(question('after-close'), true, false, en)).toBeNull();
    expect(resultsHint(question('presenter-only'), true, false, en)).toBe(en.resultsPresenterOnly);
    expect(resultsHint(question('live'), false, true, en)).toBeNull();
  });
});

describe('where a typed entry is (the server\'s visibility and moderation rules)', () => {
  type Visibility = 'live' | 'after-vote' | 'after-close' | 'presenter-only';
  const text = (results: Visibility) => ({ id: 'q', type: 'text', question: 'Q?', maxLength: 100, results, slideIndex: 1, line: 1 }) as PublicQuestion;
  const cloud = { id: 'w', type: 'wordcloud', question: 'W?', maxLength: 20, maxAnswers: 3, results: 'live', slideIndex: 1, line: 1 } as PublicQuestion;
  const own = { questionId: 'q', answerId: 'a1', value: { text: 'Mine' }, answeredAt: 1 };
  const listing = (...ids: string[]): TextResults => ({
    type: 'text',
    questionId: 'q',
    responses: ids.length,
    answers: ids.map((id) => ({ id, text: id, answeredAt: 1, status: 'approved', flagged: false })),
  });

  it('is shown once the results the phone may see list it; held back when fresh results leave it out', () => {
    expect(entryWhereabouts(text('live'), listing('a0', 'a1'), own, true, false)).toBe('shown');
    expect(entryWhereabouts(text('live'), listing('a0'), own, true, true)).toBe('held');
    // Results older than the acknowledgement say nothing about the entry yet.
    expect(entryWhereabouts(text('live'), listing('a0'), own, true, false)).toBe('unknown');
    // A list cut at the limit may just not reach it.
    const full = listing(...Array.from({ length: LIMITS.resultEntries }, (_, index) => `x${index}`));
    expect(entryWhereabouts(text('live'), full, own, true, true)).toBe('unknown');
  });

  it('follows the question\'s results setting when the phone may not see results', () => {
    expect(entryWhereabouts(text('presenter-only'), null, own, true, true)).toBe('presenter-only');
    expect(entryWhereabouts(text('after-close'), null, own, true, true)).toBe('after-close');
    expect(entryWhereabouts(text('after-close'), null, own, false, true)).toBe('hidden');
    expect(entryWhereabouts(text('live'), null, own, true, true)).toBe('hidden');
    expect(entryWhereabouts(text('after-vote'), null, own, true, true)).toBe('unknown');
    expect(entryWhereabouts(text('live'), null, undefined, true, true)).toBe('unknown');
  });

  it('finds a word by the key the server counts it under', () => {
    const words: WordResults = { type: 'wordcloud', questionId: 'w', responses: 1, total: 1, words: [{ id: 'coffee break', word: 'Coffee  Break', count: 1, status: 'approved', flagged: false }] };
    const word = { ...own, questionId: 'w', value: { text: '  coffee   BREAK ' } };
    expect(entryWhereabouts(cloud, words, word, true, true)).toBe('shown');
    expect(entryWhereabouts(cloud, words, { ...word, value: { text: 'tea' } }, true, true)).toBe('held');
  });
});

describe('what the screen reader hears', () => {
  const waiting: LiveSnapshot = { questionId: null, questionText: '', open: false, final: false, receivedAnswerId: null, resultsShown: false, score: null, slideTitle: 'Intro' };
  const asked: LiveSnapshot = { ...waiting, questionId: 'q', questionText: 'Pick one', open: true, slideTitle: 'Pick one' };

  it('announces a new question, the answer received, results and closing', () => {
    expect(announcementsFor(waiting, asked, en)).toEqual(['New question: Pick one']);
    expect(announcementsFor(asked, { ...asked, receivedAnswerId: 'a1', resultsShown: true }, en)).toEqual([
      'Answer received.',
      'Results are shown.',
    ]);
    expect(announcementsFor(asked, { ...asked, open: false }, en)).toEqual(['Voting is closed.']);
    expect(announcementsFor(asked, waiting, en)).toEqual(['Waiting for the next question. On the screen: Intro']);
  });

  it('says a quiz answer is locked in, and the points once its answer is out, once', () => {
    const quiz: LiveSnapshot = { ...asked, final: true };
    expect(announcementsFor(quiz, { ...quiz, receivedAnswerId: 'a1' }, en)).toEqual(['Your answer is locked in.']);
    const revealed = { ...quiz, receivedAnswerId: 'a1', open: false, resultsShown: true, score: 'Right! +875 points. Total: 875 points, rank 1 of 3.' };
    expect(announcementsFor({ ...quiz, receivedAnswerId: 'a1' }, revealed, en)).toEqual([
      'Voting is closed.',
      'Results are shown.',
      'Right! +875 points. Total: 875 points, rank 1 of 3.',
    ]);
    expect(announcementsFor(revealed, { ...revealed }, en)).toEqual([]);
  });

  it('stays quiet when nothing a person needs changed', () => {
    expect(announcementsFor(asked, asked, en)).toEqual([]);
    expect(announcementsFor(waiting, { ...waiting, slideTitle: 'Next' }, en)).toEqual([]);
    expect(announcementsFor(null, waiting, en)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import type { QaResults } from '../../protocol/session.ts';
import { allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

const ask = (answerId: string, text: string) => ({ questionId: 'audience-qa', answerId, value: { text } });
const order = (results: unknown) => (results as QaResults).questions.map((entry) => [entry.id, entry.votes]);

describe('audience Q&A', () => {
  it('sorts by votes (pinned first), counts one upvote per phone and entry, and never one\'s own', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.qa);
    engine.submitAnswer('p1', ask('q1', 'Why Markdown?'), 1);
    engine.submitAnswer('p2', ask('q2', 'Does it scale?'), 2);
    engine.submitAnswer('p1', ask('q3', 'And PDFs?'), 3);
    expect(engine.upvote('p2', 'audience-qa', 'q1', 4)).toMatchObject({ ok: true, votes: 1, duplicate: false, records: [{ kind: 'vote' }], effects: [{ kind: 'results-changed' }] });
    expect(engine.upvote('p2', 'audience-qa', 'q1', 5)).toMatchObject({ ok: true, votes: 1, duplicate: true, effects: [] });
    expect(engine.upvote('p3', 'audience-qa', 'q2', 6)).toMatchObject({ ok: true, votes: 1 });
    expect(engine.upvote('p4', 'audience-qa', 'q2', 7)).toMatchObject({ ok: true, votes: 2 });
    expect(engine.upvote('p1', 'audience-qa', 'q1', 8)).toMatchObject({ ok: false, code: 'conflict' });
    expect(order(engine.publicResults('audience-qa'))).toEqual([['q2', 2], ['q1', 1], ['q3', 0]]);
    expect(engine.audienceView('p4').ownVotes).toEqual(['q2']);
    expect(engine.audienceView('p1').ownAnswers.map((answer) => answer.answerId)).toEqual(['q1', 'q3']);

    expect(engine.markQa('audience-qa', 'q3', { pinned: true })).toMatchObject({ ok: true, entry: { pinned: true, answered: false } });
    expect(order(engine.publicResults('audience-qa'))).toEqual([['q3', 0], ['q2', 2], ['q1', 1]]);
    // Pinning another unpins the first: one question on the projector at a time.
    const moved = engine.markQa('audience-qa', 'q1', { pinned: true, answered: true });
    expect(moved.ok && [...moved.records, ...moved.effects].map((item) => item.kind)).toEqual(['entry-mark', 'entry-mark', 'results-changed']);
    const shown = (engine.publicResults('audience-qa') as QaResults).questions;
    expect(shown.map((entry) => [entry.id, entry.pinned, entry.answered])).toEqual([['q1', true, true], ['q2', false, false], ['q3', false, false]]);
  });

  it('hides what the presenter hides, holds what the filter flags, and refuses votes for either', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.qa);
    engine.submitAnswer('p1', ask('q1', 'Is this bullshit?'), 1);
    engine.submitAnswer('p1', ask('q2', 'Fair question'), 2);
    engine.moderate('audience-qa', 'q2', 'hidden');
    expect(order(engine.publicResults('audience-qa'))).toEqual([]);
    expect(order(engine.results('audience-qa'))).toEqual([['q1', 0], ['q2', 0]]);
    expect(engine.upvote('p2', 'audience-qa', 'q1', 3)).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.upvote('p2', 'audience-qa', 'q2', 3)).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.upvote('p2', 'audience-qa', 'nope', 3)).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.upvote('p2', 'nope', 'q1', 3)).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.upvote('p2', 'open-text', 'q1', 3)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.markQa('open-text', 'q1', { answered: true })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.markQa('audience-qa', 'zz', { answered: true })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('limits questions per phone and refuses votes once the Q&A is closed', () => {
    const engine = allTypesEngine();
    goTo(engine, SLIDES.qa);
    for (let n = 0; n < LIMITS.qaQuestionsPerParticipant; n += 1) {
      expect(engine.submitAnswer('p1', ask(`q${n}`, `Question ${n}`), n)).toMatchObject({ ok: true });
    }
    expect(engine.submitAnswer('p1', ask('q-extra', 'One more'), 99)).toMatchObject({ ok: false, code: 'conflict' });
    engine.control('audience-qa', 'close', 100);
    expect(engine.upvote('p2', 'audience-qa', 'q0', 101)).toMatchObject({ ok: false, code: 'closed' });
  });

  it('restores votes and marks after a restart', () => {
    const engine = allTypesEngine({
      cursor: { h: 5, v: 0, f: -1 },
      questionStates: [{ questionId: 'audience-qa', status: 'open', revealed: true, responses: 0, openedAt: 0, closedAt: null }],
      answers: [{ questionId: 'audience-qa', participantId: 'p1', answerId: 'q1', value: { text: 'Why?' }, answeredAt: 1 }],
      discardedAnswerIds: [],
      entryMarks: [{ questionId: 'audience-qa', entryId: 'q1', status: 'approved', answered: true, pinned: true }],
      votes: [
        { questionId: 'audience-qa', entryId: 'q1', participantId: 'p2', votedAt: 2 },
        { questionId: 'audience-qa', entryId: 'q1', participantId: 'p3', votedAt: 3 },
      ],
    });
    expect((engine.publicResults('audience-qa') as QaResults).questions).toEqual([
      { id: 'q1', text: 'Why?', askedAt: 1, votes: 2, answered: true, pinned: true, status: 'approved', flagged: false },
    ]);
    expect(engine.upvote('p2', 'audience-qa', 'q1', 5)).toMatchObject({ ok: true, duplicate: true, votes: 2 });
  });
});

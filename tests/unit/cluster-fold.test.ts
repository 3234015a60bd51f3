import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, type Deck, type Question, type Slide } from '../../protocol/deck.ts';
import type { SessionInfo } from '../../protocol/session.ts';
import type { EngineEffect } from '../../server/engine/effects.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';
import type { SessionRecord } from '../../server/store/records.ts';
import { restoredFrom } from '../../server/store/restored-from.ts';

function slide(index: number, h: number, questionIds: string[] = []): Slide {
  return { index, position: { h, v: 0 }, html: `<h2>S${index}</h2>`, notes: '', title: `S${index}`, attributes: {}, fragments: 0, questionIds, line: index + 1 };
}
const choice = (id: string, slideIndex: number) =>
  ({ id, type: 'choice', question: `Q ${id}`, options: ['A', 'B', 'C'], multiple: false, results: 'live', slideIndex, line: 1 }) as Question;
const DECK: Deck = { title: 'T', file: 't.md', display: DEFAULT_DISPLAY, slides: [slide(0, 0), slide(1, 1, ['q1']), slide(2, 2, ['q2'])], questions: [choice('q1', 1), choice('q2', 2)] };
const SESSION: SessionInfo = { id: 's', joinCode: 'ABCDEF', deckTitle: 'T', startedAt: 0 };

/** The records the live wiring commits for a presenter command's effects (the outbox's job). */
function kept(effects: readonly EngineEffect[], at: number): SessionRecord[] {
  return effects.flatMap((effect): SessionRecord[] => {
    if (effect.kind === 'save-cursor') return [{ kind: 'cursor', cursor: effect.cursor, at }];
    if (effect.kind === 'save-question-state') {
      const { closesAt: _closesAt, ...state } = effect.state;
      return [{ kind: 'question-state', state }];
    }
    return [];
  });
}

const view = (engine: SessionEngine) => {
  const { serverTime: _time, ...rest } = engine.presenterView(0, 0);
  return rest;
};

describe('a cluster: every node folds the same log into the same state', () => {
  it('the presenter node, another node folding its log, and a replay of the log agree, through a reset', () => {
    const presenterNode = new SessionEngine(DECK, SESSION);
    const log: SessionRecord[] = [];
    const commit = (records: SessionRecord[]) => {
      log.push(...records);
      presenterNode.fold(records);
    };
    const moved = presenterNode.goTo({ h: 1, v: 0, f: -1 }, 100);
    if (!moved.ok) throw new Error(moved.message);
    log.push(...kept(moved.effects, 100));
    for (let i = 0; i < 9; i += 1) {
      const proposal = presenterNode.proposeAnswer(`p${i}`, { questionId: 'q1', answerId: `a${i}`, value: { options: [i % 3] } }, 200 + i);
      if (!proposal.ok) throw new Error(proposal.message);
      commit(proposal.records);
    }
    // A reset: its discard is committed first, then the question starts again.
    log.push({ kind: 'discard', questionId: 'q1' });
    const reset = presenterNode.control('q1', 'reset', 300);
    if (!reset.ok) throw new Error(reset.message);
    log.push(...kept(reset.effects, 300));
    const again = presenterNode.proposeAnswer('p0', { questionId: 'q1', answerId: 'b0', value: { options: [2] } }, 400);
    if (!again.ok) throw new Error(again.message);
    commit(again.records);
    const onward = presenterNode.goTo({ h: 2, v: 0, f: -1 }, 500);
    if (!onward.ok) throw new Error(onward.message);
    log.push(...kept(onward.effects, 500));

    const otherNode = new SessionEngine(DECK, SESSION);
    for (const record of log) otherNode.fold([record], true);
    const replayed = new SessionEngine(DECK, SESSION, restoredFrom(log));

    expect(view(presenterNode).results.q1!.responses).toBe(1);
    expect(view(otherNode)).toEqual(view(presenterNode));
    expect(view(replayed)).toEqual(view(presenterNode));
    // A late re-send of an answer the reset discarded counts on no node.
    expect(otherNode.proposeAnswer('p1', { questionId: 'q1', answerId: 'a1', value: { options: [1] } }, 600)).toMatchObject({ ok: true, duplicate: true });
  });
});

describe('a cluster: what the log decides for the whole room', () => {
  it('gives a nickname two nodes both found free to the first record in the log, on every node and in a replay', () => {
    const nodeA = new SessionEngine(DECK, SESSION);
    const nodeB = new SessionEngine(DECK, SESSION);
    // Each node checks against what it has folded so far: both find "Ada" free.
    const fromA = nodeA.proposeNickname('pa', 'Ada', 10);
    const fromB = nodeB.proposeNickname('pb', 'ada', 11);
    if (!fromA.ok || !fromB.ok) throw new Error('both nodes should find the nickname free');
    const log = [...fromB.records, ...fromA.records];
    nodeA.fold(log, true);
    nodeB.fold(log, true);
    for (const engine of [nodeA, nodeB, new SessionEngine(DECK, SESSION, restoredFrom(log))]) {
      expect(engine.nickname('pb')).toBe('ada');
      expect(engine.nickname('pa')).toBeNull();
    }
  });

  it("floats another node's reactions (from the log) on this node's projectors, counted once", () => {
    const engine = new SessionEngine(DECK, SESSION);
    const bursts = [{ slideIndex: 0, counts: { '👏': 3 } }];
    expect(engine.fold([{ kind: 'reactions', bursts }], true)).toContainEqual({ kind: 'reactions-elsewhere', bursts });
    expect(engine.reactionTotals(0)).toEqual({ '👏': 3 });
  });
});

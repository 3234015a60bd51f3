import { describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import type { SessionInfo } from '../../protocol/session.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';

const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const SESSION: SessionInfo = { id: 's1', joinCode: 'ABCDEF', deckTitle: deck.title, startedAt: 0 };
const before = deck.questions.find((question) => question.id === 'hate-networking')!;
const after = deck.questions.find((question) => question.id === 'hate-networking-after')!;

function positionOf(slideIndex: number) {
  return { ...deck.slides[slideIndex]!.position, f: -1 };
}

function answer(engine: SessionEngine, participant: string, questionId: string, option: number) {
  const outcome = engine.submitAnswer(participant, { questionId, answerId: `${questionId}-${participant}-answer`, value: { options: [option] } }, 1);
  expect(outcome.ok).toBe(true);
}

describe('SessionEngine: the display view of a before/after question', () => {
  it('carries the earlier question’s results while the comparing one is revealed, and only then', () => {
    expect(after.compare).toBe('hate-networking');
    const engine = new SessionEngine(deck, SESSION);
    engine.goTo(positionOf(before.slideIndex), 0);
    for (const [participant, option] of [['p1', 0], ['p2', 2], ['p3', 2]] as const) answer(engine, participant, before.id, option);
    engine.goTo(positionOf(after.slideIndex), 2);
    // after-vote and never revealed: the earlier run stays off the projector on its own.
    expect(engine.questionState(before.id)!.revealed).toBe(false);
    engine.control(after.id, 'hide', 3);
    expect(engine.displaySees(before.id)).toBe(false);
    expect(Object.keys(engine.displayView(0).results)).not.toContain(before.id);

    engine.control(after.id, 'reveal', 4);
    expect(engine.displaySees(before.id)).toBe(true);
    const shown = engine.displayView(0).results;
    expect(Object.keys(shown).sort()).toEqual([before.id, after.id].sort());
    expect(shown[before.id]).toMatchObject({ responses: 3, options: [{ count: 1 }, { count: 0 }, { count: 2 }] });
    // The state still says the earlier question is not revealed: its own slide shows no results.
    expect(engine.displayView(0).questions[before.id]!.revealed).toBe(false);
  });
});

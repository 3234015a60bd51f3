import { describe, expect, it } from 'vitest';
import { allTypesEngine, goTo, SLIDES } from '../support/all-types-deck.ts';

describe('reactions', () => {
  it('counts per slide, for the slide the talk is on', () => {
    const engine = allTypesEngine();
    expect(engine.react('👏')).toEqual([{ kind: 'reaction', slideIndex: 0, emoji: '👏' }]);
    engine.react('👏');
    goTo(engine, SLIDES.scale);
    engine.react('❤️');
    expect(engine.reactionTotals(0)).toEqual({ '👏': 2 });
    expect(engine.presenterView(0).reactions).toEqual([
      { slideIndex: 0, counts: { '👏': 2 } },
      { slideIndex: 5, counts: { '❤️': 1 } },
    ]);
  });

  it('picks up the counts saved before a restart', () => {
    const engine = allTypesEngine({
      cursor: { h: 0, v: 0, f: -1 },
      questionStates: [],
      answers: [],
      discardedAnswerIds: [],
      reactions: [{ slideIndex: 0, counts: { '😂': 4 } }],
    });
    engine.react('😂');
    expect(engine.reactionTotals(0)).toEqual({ '😂': 5 });
  });
});

import { describe, expect, it } from 'vitest';
import type { RestoredSession } from '../../server/store/records.ts';
import { settleQuizzes } from '../../server/export/final-results.ts';
import { Pseudonyms } from '../../server/export/pseudonyms.ts';
import { allTypesDeck, allTypesEngine } from '../support/all-types-deck.ts';

const deck = allTypesDeck();

/** quiz-capital (60 s, Paris) opened at 1 000 and still counting down; quiz-sum never reached. */
function midQuiz(): RestoredSession {
  return {
    cursor: { h: 1, v: 0, f: -1 },
    questionStates: [
      { questionId: 'quiz-capital', status: 'open', revealed: false, responses: 0, openedAt: 1_000, closedAt: null },
      { questionId: 'quiz-sum', status: 'pending', revealed: false, responses: 0, openedAt: null, closedAt: null },
    ],
    answers: [
      { questionId: 'quiz-capital', participantId: 'phone-aaaaaaaa', answerId: 'answer-1aaaaaa', value: { options: [0] }, answeredAt: 1_000 },
      { questionId: 'quiz-capital', participantId: 'phone-bbbbbbbb', answerId: 'answer-2bbbbbb', value: { options: [1] }, answeredAt: 2_000 },
    ],
    discardedAnswerIds: [],
  };
}

describe('the export’s final results', () => {
  it('settles a quiz still counting down: closed now, its answer shown and its points counted', () => {
    const settled = settleQuizzes(deck, midQuiz(), 5_000);
    expect(settled.questionStates).toEqual([
      { questionId: 'quiz-capital', status: 'closed', revealed: true, responses: 0, openedAt: 1_000, closedAt: 5_000 },
      { questionId: 'quiz-sum', status: 'pending', revealed: false, responses: 0, openedAt: null, closedAt: null },
    ]);
    const engine = allTypesEngine(settled);
    expect(engine.fullResults('quiz-capital')).toMatchObject({ responses: 2, correct: [0] });
    expect(engine.quizScore('phone-aaaaaaaa', 'quiz-capital')).toEqual({ outcome: 'right', points: 1000, bonus: 0 });
    expect(engine.quizScore('phone-bbbbbbbb', 'quiz-capital')).toEqual({ outcome: 'wrong', points: 0, bonus: 0 });
    expect(engine.quizScore('phone-aaaaaaaa', 'quiz-sum')).toBeUndefined();
    expect(engine.quizRanking().map(({ participantId, rank, points }) => [participantId, rank, points])).toEqual([
      ['phone-aaaaaaaa', 1, 1000],
      ['phone-bbbbbbbb', 2, 0],
    ]);
  });

  it('closes a quiz whose countdown ran out at its deadline, and leaves the live engine’s rules alone', () => {
    expect(settleQuizzes(deck, midQuiz(), 999_999).questionStates[0]).toMatchObject({ status: 'closed', closedAt: 61_000 });
    // Without settling, the same stored session shows no answer: the room had not seen it.
    expect(allTypesEngine(midQuiz()).fullResults('quiz-capital')).not.toHaveProperty('correct');
  });

  it('names participants P0001, P0002… in the order they first answered, the same every time', () => {
    const pseudonyms = new Pseudonyms(['b', 'a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => pseudonyms.of(id))).toEqual(['P0002', 'P0001', 'P0003']);
    expect(pseudonyms.of('d')).toBe('P0004');
  });
});

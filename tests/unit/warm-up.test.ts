import { describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { moduleFor } from '../../server/engine/question-types/index.ts';
import { SessionEngine } from '../../server/engine/session-engine.ts';
import { readAnswerSubmit } from '../../server/live/answer-fast-path.ts';
import { warmAnswerPath } from '../../server/live/warm-up.ts';

const { deck } = compileDeckFile(DEFAULT_DECK_FILE);

describe('the warm-up of the answer path', () => {
  it("runs each question type's sample answers through the real path, every one accepted", () => {
    // Every type has a question in this deck: a sample the engine refused would warm the refusal, not the path.
    const engine = new SessionEngine(deck, { id: 's', joinCode: 'ABCDEF', deckTitle: deck.title, startedAt: 0 });
    expect(new Set(deck.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(3);
    for (const question of deck.questions) {
      engine.control(question.id, 'open', 1_000);
      const at = engine.questionState(question.id)?.answersOpenAt ?? 1_000;
      for (let n = 0; n < 60; n += 1) {
        const payload = JSON.parse(JSON.stringify({ questionId: question.id, answerId: `answer-${question.id}-${n}`, value: moduleFor(question).sampleAnswer(question, n) }));
        const submit = readAnswerSubmit(payload);
        expect(submit, `${question.type} sample ${n}`).toBeDefined();
        const proposal = engine.proposeAnswer(`phone-${n}`, submit!, at);
        expect(proposal.ok, `${question.type} sample ${n}: ${JSON.stringify(proposal)}`).toBe(true);
      }
    }
  });

  it('runs in slices across turns of the event loop, and stops when told', async () => {
    let finished = false;
    let turns = 0;
    // Another piece of work taking turns: it runs between the slices, once per turn of the loop.
    const otherWork = () => {
      turns += 1;
      if (!finished) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    await new Promise<void>((resolve) => warmAnswerPath(deck, { answers: 1000, perTurn: 100, done: () => ((finished = true), resolve()) }));
    expect(turns).toBeGreaterThanOrEqual(9);
    finished = false;
    const stopped = warmAnswerPath(deck, { answers: 1000, perTurn: 100, done: () => (finished = true) });
    stopped.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(false);
  });
});

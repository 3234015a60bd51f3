import type { Deck } from '../../protocol/deck.ts';
import { moduleFor } from '../engine/question-types/index.ts';
import { SessionEngine } from '../engine/session-engine.ts';
import { readAnswerSubmit } from './answer-fast-path.ts';

export interface WarmUpOptions {
  /** Answers run through the path, spread over the deck's questions. */
  answers?: number;
  /** Answers per event-loop turn: a phone that connects meanwhile waits for one slice at most. */
  perTurn?: number;
  /** Called once the last slice has run. */
  done?: () => void;
}

export interface WarmUp {
  stop(): void;
}

/** Enough calls for V8 to optimise the path's functions (each takes a few thousand calls to get hot). */
const WARM_UP_ANSWERS = 4000;
const ANSWERS_PER_TURN = 200;
/** Answers per scratch engine; each tallies every question once, as a burst's commits do. */
const TALLY_EVERY = 500;

/**
 * Runs the answer path's own code on a scratch engine of the same deck, in small slices
 * once the server has started: the answer payload's quick reading, the engine's proposal
 * and fold, and the results, with answers a room might give to each of the deck's
 * questions. V8 then compiles that code optimised before the first poll instead of during
 * it: when ten thousand phones answer at once, the first burst of a fresh server otherwise
 * runs this code cold for thousands of answers and compiles it meanwhile (bench:answers
 * with --trace-opt: 75 compilations in the first burst against 7 in a second). Nothing of
 * the talk is touched: no state, no disk, no socket.
 */
export function warmAnswerPath(deck: Deck, options: WarmUpOptions = {}): WarmUp {
  const total = options.answers ?? WARM_UP_ANSWERS;
  const perTurn = options.perTurn ?? ANSWERS_PER_TURN;
  const questions = deck.questions;
  let timer: NodeJS.Immediate | undefined;
  if (questions.length === 0 || total <= 0) {
    options.done?.();
    return { stop: () => undefined };
  }
  const openedAt = Date.now();
  /** A scratch engine with every question open, and when each takes answers (a quiz's read phase over). */
  const scratch = () => {
    const engine = new SessionEngine(deck, { id: 'warm-up', joinCode: 'WARMUP', deckTitle: deck.title, startedAt: openedAt });
    const answerAt = questions.map((question) => {
      engine.control(question.id, 'open', openedAt);
      return engine.questionState(question.id)?.answersOpenAt ?? openedAt;
    });
    return { engine, answerAt };
  };
  let engine!: SessionEngine;
  let answerAt!: number[];

  let next = 0;
  const slice = () => {
    timer = undefined;
    const end = Math.min(total, next + perTurn);
    for (; next < end; next += 1) {
      // A new scratch engine now and then: its answers are garbage while young, not kept in the old generation (memory per phone).
      if (next % TALLY_EVERY === 0) ({ engine, answerAt } = scratch());
      const index = next % questions.length;
      const question = questions[index]!;
      // Parsed from text, as Socket.IO decodes what a phone sends (the same object shapes).
      const payload: unknown = JSON.parse(
        JSON.stringify({ questionId: question.id, answerId: `warm-up-${next}`, value: moduleFor(question).sampleAnswer(question, next) }),
      );
      const submit = readAnswerSubmit(payload);
      if (!submit) continue;
      const proposal = engine.proposeAnswer(`warm-up-phone-${next}`, submit, answerAt[index]!);
      if (proposal.ok) engine.fold(proposal.records);
      if (next % TALLY_EVERY === TALLY_EVERY - 1) {
        for (const { id } of questions) {
          engine.results(id);
          engine.publicResults(id);
        }
      }
    }
    if (next < total) timer = setImmediate(slice);
    else options.done?.();
  };
  timer = setImmediate(slice);
  return {
    stop: () => {
      if (timer) clearImmediate(timer);
      timer = undefined;
    },
  };
}

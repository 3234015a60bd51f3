import { LIMITS } from '../../protocol/limits.ts';
import type { EngineEffect } from '../engine/effects.ts';
import type { SessionRecord } from '../store/records.ts';
import type { SessionLog } from '../store/session-log.ts';
import type { Broadcast } from './broadcast.ts';
import type { FaultLog } from './fault-log.ts';
import { ReactionBatcher } from './reaction-batcher.ts';

/**
 * Carries out the engine's effects: what the talk goes on without waiting for (the slide,
 * question states, reaction counts) is handed to the log to keep, everything else is
 * said to the rooms that must hear it.
 */
export class Outbox {
  /** Reactions float on the projector: sent in bursts, their counts added to the slide's totals. */
  private readonly reactions: ReactionBatcher;

  constructor(
    private readonly log: SessionLog,
    private readonly broadcast: Broadcast,
    faults: FaultLog,
    private readonly clock: () => number = Date.now,
  ) {
    this.reactions = new ReactionBatcher(LIMITS.reactionsIntervalMs, (bursts) =>
      faults.safely('sending reactions', () => {
        this.broadcast.reactions(bursts);
        this.log.keep([{ kind: 'reactions', bursts }]);
      }),
    );
  }

  run(effects: readonly EngineEffect[]): void {
    if (effects.length === 0) return;
    this.broadcast.invalidate();
    const keep: SessionRecord[] = [];
    for (const effect of effects) {
      switch (effect.kind) {
        case 'save-cursor':
          keep.push({ kind: 'cursor', cursor: effect.cursor, at: this.clock() });
          break;
        case 'save-question-state': {
          // The read phase is worked out from the deck again; the deadline is kept (time the presenter added).
          const { answersOpenAt: _workedOutFromTheDeck, ...state } = effect.state;
          keep.push({ kind: 'question-state', state });
          break;
        }
        case 'discard-answers':
          // Nothing to do here: phones get results once the engine counts their answer again.
          break;
        case 'views-changed':
          this.broadcast.views();
          break;
        case 'results-changed':
          this.broadcast.results(effect.questionId);
          break;
        case 'board-changed':
          this.broadcast.board();
          break;
        case 'reaction':
          this.reactions.add(effect.slideIndex, effect.emoji);
          break;
        case 'reactions-elsewhere':
          // In the log already (the node that took them wrote the burst): only shown here.
          this.broadcast.reactions(effect.bursts);
          break;
      }
    }
    if (keep.length > 0) this.log.keep(keep);
  }

  /** At shutdown: the reactions still gathering go out and are kept. */
  flush(): void {
    this.reactions.flush();
  }
}

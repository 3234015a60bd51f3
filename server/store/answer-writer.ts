import type { StoredAnswer } from '../engine/effects.ts';
import { BatchWriter } from './batch-writer.ts';

/** Answers, batched and acknowledged after their commit; keyed by answer id. */
export class AnswerWriter extends BatchWriter<StoredAnswer> {
  constructor(write: (answers: StoredAnswer[]) => void, delayMs?: number, maxBatch?: number) {
    super(write, (answer) => answer.answerId, delayMs, maxBatch);
  }
}

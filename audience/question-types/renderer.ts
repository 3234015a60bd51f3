import type { PublicQuestion } from '../../protocol/deck.ts';
import type { AnswerValue } from '../../protocol/session.ts';

/** What a question type's view gets from the question screen. */
export interface RendererContext {
  /** Id of the question's heading, to name the group of answers by. */
  headingId: string;
  /** Sends (or queues) an answer. */
  submit(value: AnswerValue): void;
}

/** One question type's answering controls. */
export interface QuestionRenderer {
  readonly element: HTMLElement;
  /**
   * Shows the answer that counts for this phone (one waiting to be sent wins over the
   * acknowledged one) and whether the question still takes answers.
   */
  update(answer: AnswerValue | null, open: boolean): void;
}

export type RendererFactory<Q extends PublicQuestion = PublicQuestion> = (
  question: Q,
  context: RendererContext,
) => QuestionRenderer;

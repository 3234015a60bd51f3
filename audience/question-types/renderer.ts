import type { PublicQuestion } from '../../protocol/deck.ts';
import type { AnswerValue, OwnAnswer, PlayerScore, QuestionState, Results } from '../../protocol/session.ts';
import type { PendingAnswer } from '../answer-queue.ts';

/** Everything the question screen shows, gathered by the live view. */
export interface QuestionModel {
  state: QuestionState;
  results: Results | null;
  /** Its acknowledged answers, oldest first (several for word clouds and Q&A). */
  owns: OwnAnswer[];
  /** Its answers waiting to be sent, oldest first. */
  pending: PendingAnswer[];
  sending: boolean;
  /** The results came after the phone's latest answer was acknowledged (so they would list it, if they may). */
  resultsFresh: boolean;
  rejection: string | null;
  /** Q&A entries it has upvoted. */
  ownVotes: string[];
  score: PlayerScore | null;
  /** The server's clock now, as near as the phone can tell (for countdowns). */
  serverNow(): number;
}

/** What a type's controls get on each update. */
export interface AnswerModel extends QuestionModel {
  open: boolean;
  /** The answer that counts for this phone: one waiting to be sent wins over the acknowledged one. */
  answer: AnswerValue | null;
}

/** What a question type's view gets from the question screen. */
export interface RendererContext {
  /** Id of the question's heading, to name the group of answers by. */
  headingId: string;
  /** Sends (or queues) an answer; several: one more answer rather than a replacement. */
  submit(value: AnswerValue, several?: boolean): void;
  /** Upvotes another phone's Q&A question: null when counted, else why not (for people). */
  upvote(entryId: string): Promise<string | null>;
  /** Says something through the page's aria-live region. */
  say(message: string): void;
}

/** One question type's answering controls. */
export interface QuestionRenderer {
  readonly element: HTMLElement;
  /** Shown below the answer's status line (Q&A: the room's questions), so the status stays by the controls. */
  readonly below?: HTMLElement;
  /** It lists the results itself (Q&A's questions, with upvote buttons): the shared results view stays empty. */
  readonly listsResults?: boolean;
  update(model: AnswerModel): void;
}

export type RendererFactory<Q extends PublicQuestion = PublicQuestion> = (
  question: Q,
  context: RendererContext,
) => QuestionRenderer;

/** The options picked in an answer ([] for none or another kind of answer). */
export function pickedOptions(answer: AnswerValue | null): number[] {
  return answer && 'options' in answer ? answer.options : [];
}

/** The text of an answer ('' for another kind). */
export function answerText(answer: AnswerValue | null): string {
  return answer && 'text' in answer ? answer.text : '';
}

import type { ErrorCode, RefusalDetail } from '../protocol/errors.ts';
import type { AnswerValue, OwnAnswer } from '../protocol/session.ts';
import { randomId } from './participant.ts';
import type { KeyValueStore } from './storage.ts';

/** An answer the phone made and the server has not acknowledged yet. */
export interface PendingAnswer {
  questionId: string;
  /** Made once when tapped; every re-send uses it, so the server counts the answer once. */
  answerId: string;
  value: AnswerValue;
  /** Word clouds and Q&A take several answers: each waits on its own instead of replacing the last. */
  several?: boolean;
}

/** Where an answer waits: one place per question, or one per answer when the question takes several. */
const slotOf = (answer: PendingAnswer) => (answer.several ? answer.answerId : answer.questionId);

/** no_reply: timed out or the connection dropped — the answer is sent again later. */
export type SendResult =
  | { ok: true; answer: OwnAnswer }
  | { ok: false; code: ErrorCode | 'no_reply'; message: string; detail?: RefusalDetail };

export interface AnswerQueueEvents {
  /** Something waiting, sending or settled changed: redraw. */
  changed(): void;
  acknowledged(answer: OwnAnswer): void;
  /** The server refused the answer for good (closed, bad value…): it is dropped. */
  rejected(questionId: string, refusal: { code: ErrorCode; detail?: RefusalDetail }): void;
}

export interface AnswerQueueOptions {
  store: KeyValueStore;
  storageKey: string;
  send: (answer: PendingAnswer) => Promise<SendResult>;
  canSend: () => boolean;
  events: AnswerQueueEvents;
  newId?: () => string;
  /** Wait before trying again after a busy server or a lost reply. */
  retryDelayMs?: number;
}

/** Worth another try later; any other refusal is final. */
const TRY_AGAIN: ReadonlySet<string> = new Set(['no_reply', 'rate_limited', 'unavailable']);

/**
 * Answers on their way to the server. Kept in localStorage until acknowledged, so an
 * answer tapped offline, or just before the phone slept or the page reloaded, is sent
 * when the connection is back — with the same answer id, so it is counted once.
 * One answer per question waits at a time (a newer tap replaces an unsent one), except
 * for questions that take several answers, where each waits in its own place.
 */
export class AnswerQueue {
  private readonly waiting = new Map<string, PendingAnswer>();
  /** answerId → the attempt now in flight for it. */
  private readonly inFlight = new Map<string, number>();
  /** Answers the server could not save yet (its disk, say): still on their way, sent again soon. */
  private readonly serverRetrying = new Set<string>();
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly newId: () => string;
  private readonly retryDelayMs: number;

  constructor(private readonly options: AnswerQueueOptions) {
    this.newId = options.newId ?? (() => randomId());
    this.retryDelayMs = options.retryDelayMs ?? 3000;
    for (const answer of readStored(options.store.get(options.storageKey))) this.waiting.set(slotOf(answer), answer);
  }

  /** The one answer waiting for a question that takes one. */
  pendingFor(questionId: string): PendingAnswer | undefined {
    return this.waiting.get(questionId);
  }

  /** Every answer waiting for a question, oldest first. */
  pendingAll(questionId: string): PendingAnswer[] {
    return [...this.waiting.values()].filter((answer) => answer.questionId === questionId);
  }

  isSending(questionId: string): boolean {
    return this.pendingAll(questionId).some((answer) => this.inFlight.has(answer.answerId) || this.serverRetrying.has(answer.answerId));
  }

  /** A tap: keep the answer first, then send it if the connection is up. */
  submit(questionId: string, value: AnswerValue, several = false): PendingAnswer {
    const answer: PendingAnswer = { questionId, answerId: this.newId(), value, ...(several ? { several } : {}) };
    this.waiting.set(slotOf(answer), answer);
    this.persist();
    // send() reports the change itself, already marked as sending (no flash of "waiting").
    if (this.options.canSend()) void this.send(answer);
    else this.options.events.changed();
    return answer;
  }

  /** The connection is (back) up: send everything still waiting. */
  flush(): void {
    if (!this.options.canSend()) return;
    for (const answer of this.waiting.values()) {
      if (!this.inFlight.has(answer.answerId)) void this.send(answer);
    }
  }

  /** The server's state shows this answer counted (its reply was lost): nothing left to send. */
  settle(own: OwnAnswer | null): void {
    const slot = own && [own.answerId, own.questionId].find((key) => this.waiting.get(key)?.answerId === own.answerId);
    if (!slot) return;
    this.waiting.delete(slot);
    this.persist();
    this.options.events.changed();
  }

  /** The connection dropped: replies to what was in flight will not come. */
  connectionLost(): void {
    this.inFlight.clear();
    this.serverRetrying.clear();
    this.options.events.changed();
  }

  private async send(answer: PendingAnswer): Promise<void> {
    const attempt = ++this.attempts;
    this.inFlight.set(answer.answerId, attempt);
    this.options.events.changed();
    const result = await this.options.send(answer);
    if (this.inFlight.get(answer.answerId) === attempt) this.inFlight.delete(answer.answerId);
    const slot = slotOf(answer);
    const stillWaiting = this.waiting.get(slot)?.answerId === answer.answerId;
    if (result.ok || result.code !== 'unavailable') this.serverRetrying.delete(answer.answerId);
    else if (stillWaiting) this.serverRetrying.add(answer.answerId);

    if (result.ok) {
      if (stillWaiting) {
        this.waiting.delete(slot);
        this.persist();
      }
      this.options.events.acknowledged(result.answer);
    } else if (TRY_AGAIN.has(result.code)) {
      if (stillWaiting) this.retryLater();
    } else if (stillWaiting) {
      this.waiting.delete(slot);
      this.persist();
      this.options.events.rejected(answer.questionId, { code: result.code as ErrorCode, detail: result.detail });
    }
    this.options.events.changed();
  }

  private retryLater(): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      this.flush();
    }, this.retryDelayMs);
  }

  private persist(): void {
    const { store, storageKey } = this.options;
    if (this.waiting.size === 0) store.remove(storageKey);
    else store.set(storageKey, JSON.stringify([...this.waiting.values()]));
  }
}

/** What localStorage held, keeping only well-formed answers (it may be old or edited by hand). */
function readStored(raw: string | null): PendingAnswer[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (item): item is PendingAnswer =>
      typeof item === 'object' &&
      item !== null &&
      typeof item.questionId === 'string' &&
      typeof item.answerId === 'string' &&
      typeof item.value === 'object' &&
      item.value !== null,
  );
}

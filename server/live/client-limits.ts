import { failure, type Failure } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { TokenBucket } from './rate-limit.ts';

export interface ClientLimitOptions {
  /** New phones per client address and minute; 0 for no limit. */
  joinsPerMinute?: number;
  socketsPerParticipant?: number;
  /** Milliseconds, for the buckets: tests pass a clock they move themselves. */
  clock?: () => number;
}

/**
 * The budgets a client gets: events per phone across all its sockets (per socket for the
 * presenter and displays), sockets per phone, reactions per phone, and new phones per
 * client address (a token bucket: a fifth of a minute's allowance at once, the rest
 * refilled evenly, so a venue NAT with a thousand phones joins within the minute).
 */
export class ClientLimits {
  private readonly clock: () => number;
  private readonly joinsPerMinute: number;
  private readonly socketsPerParticipant: number;
  private readonly events = new Map<string, TokenBucket>();
  private readonly reactions = new Map<string, TokenBucket>();
  private readonly joins = new Map<string, TokenBucket>();
  private readonly sockets = new Map<string, number>();
  /** Phones let in before: coming back (a reload, a wifi hiccup) is not joining. */
  private readonly admitted = new Set<string>();

  constructor(options: ClientLimitOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.joinsPerMinute = options.joinsPerMinute ?? LIMITS.joinsPerMinute;
    this.socketsPerParticipant = options.socketsPerParticipant ?? LIMITS.socketsPerParticipant;
  }

  /** A phone's handshake: refused when it holds too many sockets, or is new and its address joined too many. */
  admitPhone(participantId: string, address: string, known: boolean): Failure | undefined {
    const open = this.sockets.get(participantId) ?? 0;
    if (open >= this.socketsPerParticipant) {
      return failure('rate_limited', `this phone already has ${open} connections to the talk — close the other tabs`);
    }
    if (known || this.admitted.has(participantId) || this.joinsPerMinute <= 0) return this.admit(participantId);
    const now = this.clock();
    let bucket = this.joins.get(address);
    if (!bucket) this.joins.set(address, (bucket = new TokenBucket(Math.max(1, Math.ceil(this.joinsPerMinute / 5)), this.joinsPerMinute / 60, now)));
    if (bucket.take(now)) return this.admit(participantId);
    return failure('rate_limited', 'many phones are joining from your network at once — this phone joins in a few seconds');
  }

  private admit(participantId: string): undefined {
    this.admitted.add(participantId);
    return undefined;
  }

  connected(participantId: string): number {
    const open = (this.sockets.get(participantId) ?? 0) + 1;
    this.sockets.set(participantId, open);
    return open;
  }

  /** Returns how many sockets the phone still has. */
  disconnected(participantId: string): number {
    const open = (this.sockets.get(participantId) ?? 1) - 1;
    if (open <= 0) this.sockets.delete(participantId);
    else this.sockets.set(participantId, open);
    return Math.max(0, open);
  }

  /** Phones connected now (each counted once, however many sockets it holds). */
  get phones(): number {
    return this.sockets.size;
  }

  /** Who is connected now, by participant id (a quiz question closes once all of them answered). */
  get connectedPhones(): ReadonlyMap<string, number> {
    return this.sockets;
  }

  /**
   * The event budget of `key`: a participant id (all its sockets share it), or a presenter's
   * or display's socket id. A socket looks it up once, when it connects, and spends from it
   * for every event: no lookup on the answer path, and no bucket made in the middle of a burst.
   * It stays the same object while the key is connected (sweep leaves it alone).
   */
  eventBudget(key: string, presenter: boolean): EventBudget {
    let bucket = this.events.get(key);
    if (!bucket) {
      bucket = new TokenBucket(presenter ? LIMITS.presenterEventBurst : LIMITS.eventBurst, presenter ? LIMITS.presenterEventsPerSecond : LIMITS.eventsPerSecond, this.clock());
      this.events.set(key, bucket);
    }
    return new EventBudget(bucket, this.clock);
  }

  allowReaction(participantId: string): boolean {
    return this.take(this.reactions, participantId, LIMITS.reactionBurst, LIMITS.reactionsPerSecond);
  }

  /**
   * Forgets buckets that are full again and belong to nobody connected: a long talk does not
   * grow them forever. `connectedSockets` says whether a socket id is connected; a phone's
   * buckets stay while any of its sockets is (they are shared, see eventBudget).
   */
  sweep(connectedSockets: (key: string) => boolean): void {
    const now = this.clock();
    for (const buckets of [this.events, this.reactions, this.joins]) {
      for (const [key, bucket] of buckets) if (!this.sockets.has(key) && !connectedSockets(key) && bucket.isFull(now)) buckets.delete(key);
    }
  }

  private take(buckets: Map<string, TokenBucket>, key: string, burst: number, perSecond: number): boolean {
    const now = this.clock();
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new TokenBucket(burst, perSecond, now)));
    return bucket.take(now);
  }
}

/** What one socket spends its events from (see ClientLimits.eventBudget). */
export class EventBudget {
  constructor(
    private readonly bucket: TokenBucket,
    private readonly clock: () => number,
  ) {}

  /** One more event: false when the budget is spent. */
  spend(): boolean {
    return this.bucket.take(this.clock());
  }

  /** Whether an event would be allowed, without spending it (the frame gate's cheap look). */
  hasRoom(): boolean {
    return this.bucket.hasToken(this.clock());
  }
}

import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { AudienceView, SlideReactions, StorageStatus } from '../../protocol/session.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import { audienceReach } from '../engine/visibility.ts';
import { audienceRoom, eachShardInTurn, shardOf } from './audience-shards.ts';
import type { FaultLog } from './fault-log.ts';
import { ResultsBroadcaster } from './results-broadcaster.ts';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const ROOM = { presenters: 'presenters', displays: 'displays' } as const;

/** 500 ms for a small room, up to 3 s for ten thousand phones (0.3 ms per phone). */
export function phoneResultsInterval(phones: number): number {
  return Math.min(3000, Math.max(500, Math.round(phones * 0.3)));
}

/**
 * Up to this many phones, a quiet question's results reach the phones at once; in a bigger
 * room they go out an interval after the first answer: a burst is one message per phone
 * after it, not a first one in the middle of it, competing with the answers' acknowledgements.
 */
export const PHONE_RESULTS_AT_ONCE_UP_TO = 1000;

/**
 * Who hears what: the rooms (presenters, displays, phones in shards), every role's view, results coalesced per question, and the few counters
 * (participants, quiz board) that go out a few times a second at most. Every timer's
 * work runs through the fault log, so a throw there is logged, never fatal.
 */
export class Broadcast {
  private readonly staffResults: ResultsBroadcaster;
  private readonly audienceResults: ResultsBroadcaster;
  private participantsTimer: NodeJS.Timeout | undefined;
  private boardTimer: NodeJS.Timeout | undefined;
  /**
   * Phones that connect or sync in a crowd (ten thousand reconnecting after a restart) share
   * one computation of the current slide's view and results: it lives until the next change
   * or for 100 ms at most, so the server time it carries stays fresh for the countdown.
   */
  private sharedAudienceViews: { at: number; viewFor: (participantId: string) => AudienceView } | undefined;

  constructor(
    private readonly io: LiveServer,
    private readonly engine: () => SessionEngine,
    private readonly participants: () => number,
    private readonly faults: FaultLog,
    /** Runs a task once the replies settled so far are written (ReplyQueue.afterReplies). */
    afterReplies: (task: () => void) => void,
    resultsIntervalMs = 50,
  ) {
    // The presenter and the projector get results up to 20 times a second (one tally of ten
    // thousand answers takes about 1.5 ms, so a room answering without pause costs about 3 % of
    // a core, and an answer is on the console within ~50 ms of its commit); phones less often as
    // the room grows, since each update to phones is one message per phone.
    this.staffResults = new ResultsBroadcaster((questionId) => faults.safely('sending results', () => this.sendStaffResults(questionId)), resultsIntervalMs);
    // A phone tells where its text answer is by the results that come after its acknowledgement
    // (audience/answer-status.ts): the results an answer changed go out behind its acknowledgement.
    this.audienceResults = new ResultsBroadcaster(
      (questionId) => afterReplies(() => faults.safely('sending results to phones', () => this.sendAudienceResults(questionId))),
      () => phoneResultsInterval(this.participants()),
      () => this.participants() <= PHONE_RESULTS_AT_ONCE_UP_TO,
    );
  }

  /**
   * Puts a new socket in its rooms. Who answered what is not kept in rooms: results for those
   * who answered are sent to the phones the engine counts as having answered, picked shard by
   * shard when the results go out, so an answer costs no room join and a phone no room per question.
   */
  join(socket: LiveSocket): void {
    const { role, participantId } = socket.data;
    if (role === 'presenter') void socket.join(ROOM.presenters);
    else if (role === 'display') void socket.join(ROOM.displays);
    else void socket.join(audienceRoom(shardOf(participantId!)));
  }

  viewFor(socket: LiveSocket) {
    const engine = this.engine();
    switch (socket.data.role) {
      case 'presenter':
        return engine.presenterView(this.participants());
      case 'display':
        return engine.displayView(this.participants());
      case 'audience':
        return this.audienceViewFor(socket.data.participantId!);
    }
  }

  /** Something changed: the shared phone view is stale. */
  invalidate(): void {
    this.sharedAudienceViews = undefined;
  }

  views(): void {
    const engine = this.engine();
    this.invalidate();
    this.io.to(ROOM.presenters).emit('state', engine.presenterView(this.participants()));
    this.io.to(ROOM.displays).emit('state', engine.displayView(this.participants()));
    const audienceViewFor = engine.audienceViews();
    eachShardInTurn((shard) =>
      this.faults.safely('sending views to phones', () => {
        for (const socketId of this.io.sockets.adapter.rooms.get(audienceRoom(shard)) ?? []) {
          const socket = this.io.sockets.sockets.get(socketId);
          if (socket) socket.emit('state', audienceViewFor(socket.data.participantId!));
        }
      }),
    );
  }

  results(questionId: string): void {
    this.invalidate();
    this.staffResults.changed(questionId);
    this.audienceResults.changed(questionId);
  }

  /** A nickname only changes the quiz board: presenter and display views, a few times a second at most. */
  board(): void {
    this.boardTimer ??= setTimeout(
      () =>
        this.faults.safely('sending the quiz board', () => {
          this.boardTimer = undefined;
          this.io.to(ROOM.presenters).emit('state', this.engine().presenterView(this.participants()));
          this.io.to(ROOM.displays).emit('state', this.engine().displayView(this.participants()));
        }),
      LIMITS.reactionsIntervalMs,
    );
  }

  participantsChanged(): void {
    this.participantsTimer ??= setTimeout(
      () =>
        this.faults.safely('sending the participant count', () => {
          this.participantsTimer = undefined;
          this.io.to([ROOM.presenters, ROOM.displays]).emit('participants', this.participants());
        }),
      250,
    );
  }

  reactions(bursts: readonly SlideReactions[]): void {
    for (const { slideIndex, counts } of bursts) {
      this.io.to([ROOM.presenters, ROOM.displays]).emit('reactions', { slideIndex, counts, totals: this.engine().reactionTotals(slideIndex) });
    }
  }

  storage(status: StorageStatus, socket?: LiveSocket): void {
    (socket ?? this.io.to(ROOM.presenters)).emit('storage', status);
  }

  closing(reason: string): void {
    this.io.emit('server:closing', reason);
    this.staffResults.flush();
    this.audienceResults.flush();
    if (this.participantsTimer) clearTimeout(this.participantsTimer);
    if (this.boardTimer) clearTimeout(this.boardTimer);
  }

  private audienceViewFor(participantId: string): AudienceView {
    const now = Date.now();
    if (!this.sharedAudienceViews || now - this.sharedAudienceViews.at > 100) {
      this.sharedAudienceViews = { at: now, viewFor: this.engine().audienceViews(now) };
    }
    return this.sharedAudienceViews.viewFor(participantId);
  }

  private sendStaffResults(questionId: string): void {
    const engine = this.engine();
    const state = engine.questionState(questionId);
    const results = engine.results(questionId);
    // Phones and displays get approved entries only; the presenter also what waits or was hidden.
    const publicResults = engine.resultsArePublic(questionId) ? results : engine.publicResults(questionId);
    if (!state || !results || !publicResults) return;
    this.io.to(ROOM.presenters).emit('results', results, state);
    if (engine.displaySees(questionId)) this.io.to(ROOM.displays).emit('results', publicResults, state);
    else this.io.to(ROOM.displays).emit('question', state);
  }

  private sendAudienceResults(questionId: string): void {
    const engine = this.engine();
    const question = engine.question(questionId);
    const state = engine.questionState(questionId);
    if (!question || !state) return;
    const reach = audienceReach(question, state);
    if (reach === 'nobody') return;
    const publicResults = engine.publicResults(questionId)!;
    eachShardInTurn((shard) => {
      if (reach === 'everyone') {
        this.io.to(audienceRoom(shard)).emit('results', publicResults, state);
        return;
      }
      // Those who answered, as the engine has counted them when this shard's turn comes (one encoding for all of them).
      const answered: string[] = [];
      for (const socketId of this.io.sockets.adapter.rooms.get(audienceRoom(shard)) ?? []) {
        const participantId = this.io.sockets.sockets.get(socketId)?.data.participantId;
        if (participantId !== undefined && this.engine().hasAnswered(questionId, participantId)) answered.push(socketId);
      }
      if (answered.length > 0) this.io.to(answered).emit('results', publicResults, state);
    });
  }
}

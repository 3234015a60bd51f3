import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { failure, type Failure } from '../../protocol/errors.ts';
import {
  answerSubmitSchema,
  AUDIENCE_EVENTS,
  handshakeSchema,
  moderationSetSchema,
  nicknameSchema,
  PRESENTER_EVENTS,
  qaMarkSchema,
  qaUpvoteSchema,
  questionControlSchema,
  reactionSchema,
  slideGoSchema,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { AudienceView } from '../../protocol/session.ts';
import type { EngineEffect } from '../engine/effects.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import { audienceReach } from '../engine/visibility.ts';
import { presenterCookieAccepted } from '../http/presenter-access.ts';
import { keyMatches } from '../presenter-key.ts';
import { normaliseJoinCode } from '../store/join-code.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import type { AnswerWriter } from '../store/answer-writer.ts';
import { allShards, answeredRoom, audienceRoom, eachShardInTurn, shardOf } from './audience-shards.ts';
import { BatchWriter } from '../store/batch-writer.ts';
import type { StoredVote } from '../engine/qa-votes.ts';
import { TokenBucket } from './rate-limit.ts';
import { ReactionBatcher } from './reaction-batcher.ts';
import { ResultsBroadcaster } from './results-broadcaster.ts';
import { validate } from './validate.ts';

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const ROOM = { presenters: 'presenters', displays: 'displays' } as const;
const KNOWN_EVENTS = new Set<string>([...PRESENTER_EVENTS, ...AUDIENCE_EVENTS, 'state:sync']);
const PRESENTER_ONLY = new Set<string>(PRESENTER_EVENTS);
const AUDIENCE_ONLY = new Set<string>(AUDIENCE_EVENTS);

export interface LiveSessionOptions {
  engine: SessionEngine;
  store: SqliteStore;
  writer: AnswerWriter;
  presenterKey: string;
  resultsIntervalMs?: number;
  /** Leave other WebSocket upgrades on this HTTP server alone (Vite's dev server has its own). */
  shareUpgrades?: boolean;
}

export interface LiveSession {
  io: LiveServer;
  participants(): number;
  /** Swaps in an engine for an edited deck (dev): every client gets the new state. */
  replaceEngine(next: SessionEngine): void;
  connections(): number;
  /** Tells clients, writes what is pending and closes every socket. */
  close(reason: string): Promise<void>;
}

/** 500 ms for a small room, up to 3 s for ten thousand phones (0.3 ms per phone). */
export function phoneResultsInterval(phones: number): number {
  return Math.min(3000, Math.max(500, Math.round(phones * 0.3)));
}

/**
 * A presenter proves itself with the key (CLI, tests) or, in the browser, with the
 * HTTP-only cookie the key was exchanged for. Undefined means accepted.
 */
function presenterRefusal(key: string | undefined, headers: IncomingHttpHeaders, presenterKey: string): string | undefined {
  if (key !== undefined) return keyMatches(presenterKey, key) ? undefined : 'wrong presenter key';
  if (presenterCookieAccepted(headers, presenterKey)) return undefined;
  return 'no presenter key: open the presenter address that `handsup start` printed (…/presenter?key=…)';
}

function connectError(code: Failure['code'], message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** The Socket.IO side of a talk: roles, validation, limits, and the engine's effects carried out. */
export function attachLiveSession(http: HttpServer, options: LiveSessionOptions): LiveSession {
  const { store, writer } = options;
  let engine = options.engine;
  const sessionId = engine.session.id;
  const io: LiveServer = new Server(http, {
    // Large enough that an oversized field gets a `too_large` answer instead of a dropped connection.
    maxHttpBufferSize: 2 * 1024 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    cors: { origin: false },
    destroyUpgrade: !options.shareUpgrades,
  });
  const socketsByParticipant = new Map<string, number>();

  const participants = () => socketsByParticipant.size;
  let participantsTimer: NodeJS.Timeout | undefined;
  const participantsChanged = () => {
    participantsTimer ??= setTimeout(() => {
      participantsTimer = undefined;
      io.to([ROOM.presenters, ROOM.displays]).emit('participants', participants());
    }, 250);
  };

  // The presenter and the projector get results a few times a second; phones less often as
  // the room grows, since each update to phones is one message per phone.
  const staffResults = new ResultsBroadcaster((questionId) => {
    const state = engine.questionState(questionId);
    const results = engine.results(questionId);
    // Phones and displays get approved entries only; the presenter also what waits or was hidden.
    const publicResults = engine.resultsArePublic(questionId) ? results : engine.publicResults(questionId);
    if (!state || !results || !publicResults) return;
    io.to(ROOM.presenters).emit('results', results, state);
    if (engine.displaySees(questionId)) io.to(ROOM.displays).emit('results', publicResults, state);
    else io.to(ROOM.displays).emit('question', state);
  }, options.resultsIntervalMs ?? 150);
  const audienceResults = new ResultsBroadcaster(
    (questionId) => {
      const question = engine.question(questionId);
      const state = engine.questionState(questionId);
      if (!question || !state) return;
      const reach = audienceReach(question, state);
      if (reach === 'nobody') return;
      const publicResults = engine.publicResults(questionId)!;
      eachShardInTurn((shard) =>
        io.to(reach === 'everyone' ? audienceRoom(shard) : answeredRoom(questionId, shard)).emit('results', publicResults, state),
      );
    },
    () => phoneResultsInterval(participants()),
  );

  // Upvotes are written like answers: batched, acknowledged after the commit.
  const voteWriter = new BatchWriter<StoredVote>(
    (votes) => store.saveVotes(sessionId, votes),
    (vote) => `${vote.questionId}/${vote.entryId}/${vote.participantId}`,
  );

  // Reactions float on the projector: sent in bursts, their counts added to the slide's totals.
  const reactionBatcher = new ReactionBatcher(LIMITS.reactionsIntervalMs, (bursts) => {
    for (const { slideIndex, counts } of bursts) {
      io.to([ROOM.presenters, ROOM.displays]).emit('reactions', { slideIndex, counts, totals: engine.reactionTotals(slideIndex) });
    }
    store.addReactionCounts(sessionId, bursts);
  });
  /** Per phone, however many sockets it has open. */
  const reactionBuckets = new Map<string, TokenBucket>();

  // A nickname only changes the quiz board: presenter and display views, a few times a second at most.
  let boardTimer: NodeJS.Timeout | undefined;
  const boardChanged = () => {
    boardTimer ??= setTimeout(() => {
      boardTimer = undefined;
      io.to(ROOM.presenters).emit('state', engine.presenterView(participants()));
      io.to(ROOM.displays).emit('state', engine.displayView(participants()));
    }, LIMITS.reactionsIntervalMs);
  };

  // A quiz question's answers open after its read phase, and it closes itself when its countdown reaches zero, after a restart too.
  let quizTimer: NodeJS.Timeout | undefined;
  const armQuizTimer = () => {
    if (quizTimer) clearTimeout(quizTimer);
    quizTimer = undefined;
    const deadline = engine.nextDeadline(Date.now());
    if (deadline === undefined) return;
    quizTimer = setTimeout(() => {
      quizTimer = undefined;
      // The engine has closed the question already; a failed write must not stop the next countdown.
      void applyEffects(engine.quizTimeReached(Date.now()))
        .catch((error: unknown) => console.error('handsup: could not save a quiz question closed at zero:', error))
        .finally(armQuizTimer);
    }, Math.max(0, deadline - Date.now()));
  };

  /** A quiz question closes as soon as every phone in the room has answered it (the engine decides). */
  const closeWhenAllAnswered = (questionId: string) => {
    const effects = engine.closeWhenAllAnswered(questionId, socketsByParticipant, Date.now());
    if (effects.length === 0) return;
    void applyEffects(effects)
      .catch((error: unknown) => console.error('handsup: could not save a quiz question closed after the last answer:', error))
      .finally(armQuizTimer);
  };

  /**
   * Phones that connect or sync in a crowd (ten thousand reconnecting after a restart) share
   * one computation of the current slide's view and results: it lives until the next change
   * or for 100 ms at most, so the server time it carries stays fresh for the countdown.
   */
  let sharedAudienceViews: { at: number; viewFor: (participantId: string) => AudienceView } | undefined;
  const audienceViewFor = (participantId: string): AudienceView => {
    const now = Date.now();
    if (!sharedAudienceViews || now - sharedAudienceViews.at > 100) sharedAudienceViews = { at: now, viewFor: engine.audienceViews(now) };
    return sharedAudienceViews.viewFor(participantId);
  };

  function viewFor(socket: LiveSocket) {
    switch (socket.data.role) {
      case 'presenter':
        return engine.presenterView(participants());
      case 'display':
        return engine.displayView(participants());
      case 'audience':
        return audienceViewFor(socket.data.participantId!);
    }
  }

  function broadcastViews(): void {
    io.to(ROOM.presenters).emit('state', engine.presenterView(participants()));
    io.to(ROOM.displays).emit('state', engine.displayView(participants()));
    const audienceViewFor = engine.audienceViews();
    eachShardInTurn((shard) => {
      for (const socketId of io.sockets.adapter.rooms.get(audienceRoom(shard)) ?? []) {
        const socket = io.sockets.sockets.get(socketId);
        if (socket) socket.emit('state', audienceViewFor(socket.data.participantId!));
      }
    });
  }

  /** Carries out the engine's effects in order; an answer's write is awaited before what follows. */
  async function applyEffects(effects: EngineEffect[]): Promise<void> {
    if (effects.length > 0) sharedAudienceViews = undefined;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'save-cursor':
          store.saveCursor(sessionId, effect.cursor);
          break;
        case 'save-question-state':
          store.saveQuestionState(sessionId, effect.state);
          break;
        case 'save-answer':
          await writer.enqueue(effect.answer);
          break;
        case 'discard-answers':
          // Answers still waiting must land before they are marked discarded.
          writer.flushNow();
          store.discardAnswers(sessionId, effect.questionId);
          for (const room of allShards((shard) => answeredRoom(effect.questionId, shard))) io.in(room).socketsLeave(room);
          break;
        case 'views-changed':
          broadcastViews();
          break;
        case 'results-changed':
          staffResults.changed(effect.questionId);
          audienceResults.changed(effect.questionId);
          break;
        case 'save-nickname':
          store.saveNickname(sessionId, effect.participantId, effect.nickname);
          break;
        case 'save-entry-mark':
          store.saveEntryMark(sessionId, effect.mark);
          break;
        case 'save-vote':
          await voteWriter.enqueue(effect.vote);
          break;
        case 'reaction':
          reactionBatcher.add(effect.slideIndex, effect.emoji);
          break;
        case 'board-changed':
          boardChanged();
          break;
      }
    }
  }

  // A quiz question whose countdown ended while the server was down is closed now; a running one is re-armed.
  void applyEffects(engine.closeExpired(Date.now())).then(armQuizTimer);

  io.use((socket, next) => {
    const parsed = validate(handshakeSchema, socket.handshake.auth);
    if (!parsed.ok) return next(connectError('bad_request', `handshake: ${parsed.message}`));
    const auth = parsed.data;
    if (auth.role === 'presenter') {
      const refusal = presenterRefusal(auth.key, socket.handshake.headers, options.presenterKey);
      if (refusal) return next(connectError('forbidden', refusal));
    }
    if (auth.role === 'audience' && normaliseJoinCode(auth.joinCode) !== engine.session.joinCode) {
      return next(connectError('not_found', `no talk with the code "${auth.joinCode}" is running here — check the code on the screen`));
    }
    socket.data = {
      role: auth.role,
      sessionId,
      ...(auth.role === 'audience' ? { participantId: auth.participantId } : {}),
    };
    next();
  });

  io.on('connection', (socket) => {
    const { role, participantId } = socket.data;
    // The presenter holds the key and clicks fast; phones and displays get the tight budget.
    const budget = role === 'presenter' ? LIMITS.presenterEventBurst : LIMITS.eventBurst;
    const refill = role === 'presenter' ? LIMITS.presenterEventsPerSecond : LIMITS.eventsPerSecond;
    const bucket = new TokenBucket(budget, refill, Date.now());

    socket.use(([event, ...args], next) => {
      const ack = args.at(-1);
      const reply = (outcome: Failure) => {
        if (typeof ack === 'function') (ack as (reply: Failure) => void)(outcome);
      };
      if (!bucket.take(Date.now())) return reply(failure('rate_limited', 'too many messages — wait a moment and try again'));
      if (!KNOWN_EVENTS.has(event)) return reply(failure('bad_request', `unknown event "${event}"`));
      if (typeof ack !== 'function') return; // every event is acknowledged; without a callback there is no one to answer
      if (PRESENTER_ONLY.has(event) && role !== 'presenter') {
        return reply(failure('forbidden', `only the presenter may send "${event}"`));
      }
      if (AUDIENCE_ONLY.has(event) && role !== 'audience') {
        return reply(failure('forbidden', `only phones that joined the talk send "${event}"`));
      }
      if (JSON.stringify(args.slice(0, -1)).length > LIMITS.maxPacketBytes) {
        return reply(failure('too_large', `the message is larger than ${LIMITS.maxPacketBytes} bytes`));
      }
      next();
    });

    if (role === 'presenter') void socket.join(ROOM.presenters);
    else if (role === 'display') void socket.join(ROOM.displays);
    else {
      const shard = shardOf(participantId!);
      void socket.join(audienceRoom(shard));
      for (const question of engine.answeredBy(participantId!)) void socket.join(answeredRoom(question, shard));
      socketsByParticipant.set(participantId!, (socketsByParticipant.get(participantId!) ?? 0) + 1);
      participantsChanged();
    }
    socket.emit('state', viewFor(socket));

    socket.on('disconnect', () => {
      if (role !== 'audience') return;
      const left = (socketsByParticipant.get(participantId!) ?? 1) - 1;
      if (left <= 0) socketsByParticipant.delete(participantId!);
      else socketsByParticipant.set(participantId!, left);
      if (left <= 0) reactionBuckets.delete(participantId!);
      participantsChanged();
      // The one phone the quiz was waiting for may just have left.
      const current = engine.currentQuestion();
      if (left <= 0 && current) closeWhenAllAnswered(current.id);
    });

    socket.on('state:sync', (ack) => ack({ ok: true, view: viewFor(socket) }));

    socket.on('slide:go', async (payload, ack) => {
      const parsed = validate(slideGoSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.goTo(parsed.data, Date.now());
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      armQuizTimer();
      ack({ ok: true, cursor: outcome.cursor });
    });

    socket.on('question:control', async (payload, ack) => {
      const parsed = validate(questionControlSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.control(parsed.data.questionId, parsed.data.action, Date.now());
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      armQuizTimer();
      ack({ ok: true, question: outcome.question });
    });

    socket.on('moderation:set', async (payload, ack) => {
      const parsed = validate(moderationSetSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.moderate(parsed.data.questionId, parsed.data.entryId, parsed.data.status);
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      ack({ ok: true, entry: outcome.entry });
    });

    socket.on('qa:mark', async (payload, ack) => {
      const parsed = validate(qaMarkSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const { questionId, entryId, ...marks } = parsed.data;
      const outcome = engine.markQa(questionId, entryId, marks);
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      ack({ ok: true, entry: outcome.entry });
    });

    socket.on('participant:nickname', async (payload, ack) => {
      const parsed = validate(nicknameSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.setNickname(participantId!, parsed.data.nickname);
      if (!outcome.ok) return ack(outcome);
      try {
        await applyEffects(outcome.effects);
      } catch {
        return ack(failure('unavailable', 'the nickname could not be saved — try again'));
      }
      ack({ ok: true, nickname: outcome.nickname });
    });

    socket.on('reaction:send', async (payload, ack) => {
      const parsed = validate(reactionSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const now = Date.now();
      let bucket = reactionBuckets.get(participantId!);
      if (!bucket) reactionBuckets.set(participantId!, (bucket = new TokenBucket(LIMITS.reactionBurst, LIMITS.reactionsPerSecond, now)));
      if (!bucket.take(now)) return ack(failure('rate_limited', 'one reaction a second is plenty — wait a moment'));
      await applyEffects(engine.react(parsed.data.emoji));
      ack({ ok: true });
    });

    socket.on('qa:upvote', async (payload, ack) => {
      const parsed = validate(qaUpvoteSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const { questionId, entryId } = parsed.data;
      const outcome = engine.upvote(participantId!, questionId, entryId, Date.now());
      if (!outcome.ok) return ack(outcome);
      try {
        if (outcome.duplicate) await voteWriter.whenWritten(`${questionId}/${entryId}/${participantId}`);
        else await applyEffects(outcome.effects);
      } catch {
        return ack(failure('unavailable', 'the upvote could not be saved — try again'));
      }
      ack({ ok: true, entryId, votes: outcome.votes, duplicate: outcome.duplicate });
    });

    socket.on('answer:submit', async (payload, ack) => {
      const parsed = validate(answerSubmitSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.submitAnswer(participantId!, parsed.data, Date.now());
      if (!outcome.ok) return ack(outcome);
      // Joined before the effects run: their results broadcast (at once on a quiet question) must reach this phone.
      void socket.join(answeredRoom(outcome.answer.questionId, shardOf(participantId!)));
      try {
        if (outcome.duplicate) await writer.whenWritten(parsed.data.answerId);
        else await applyEffects(outcome.effects);
      } catch {
        return ack(failure('unavailable', 'the answer could not be saved — it will be sent again'));
      }
      ack({ ok: true, answer: outcome.answer, duplicate: outcome.duplicate });
      if (!outcome.duplicate) closeWhenAllAnswered(outcome.answer.questionId);
    });
  });

  return {
    io,
    replaceEngine(next) {
      engine = next;
      sharedAudienceViews = undefined;
      armQuizTimer();
      broadcastViews();
    },
    participants,
    connections: () => io.sockets.sockets.size,
    close: async (reason) => {
      io.emit('server:closing', reason);
      staffResults.flush();
      audienceResults.flush();
      reactionBatcher.flush();
      writer.flushNow();
      voteWriter.flushNow();
      if (participantsTimer) clearTimeout(participantsTimer);
      if (boardTimer) clearTimeout(boardTimer);
      if (quizTimer) clearTimeout(quizTimer);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

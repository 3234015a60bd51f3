import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { failure, type Failure } from '../../protocol/errors.ts';
import {
  answerSubmitSchema,
  handshakeSchema,
  PRESENTER_EVENTS,
  questionControlSchema,
  slideGoSchema,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { EngineEffect } from '../engine/effects.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import { audienceReach } from '../engine/visibility.ts';
import { presenterCookieAccepted } from '../http/presenter-access.ts';
import { keyMatches } from '../presenter-key.ts';
import { normaliseJoinCode } from '../store/join-code.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import type { AnswerWriter } from '../store/answer-writer.ts';
import { TokenBucket } from './rate-limit.ts';
import { ResultsBroadcaster } from './results-broadcaster.ts';
import { validate } from './validate.ts';

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const ROOM = { presenters: 'presenters', displays: 'displays', audience: 'audience' } as const;
const answeredRoom = (questionId: string) => `answered:${questionId}`;
const KNOWN_EVENTS = new Set<string>(['slide:go', 'question:control', 'answer:submit', 'state:sync']);
const PRESENTER_ONLY = new Set<string>(PRESENTER_EVENTS);

export interface LiveSessionOptions {
  engine: SessionEngine;
  store: SqliteStore;
  writer: AnswerWriter;
  presenterKey: string;
  resultsIntervalMs?: number;
}

export interface LiveSession {
  io: LiveServer;
  participants(): number;
  connections(): number;
  /** Tells clients, writes what is pending and closes every socket. */
  close(reason: string): Promise<void>;
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
  const { engine, store, writer } = options;
  const sessionId = engine.session.id;
  const io: LiveServer = new Server(http, {
    // Large enough that an oversized field gets a `too_large` answer instead of a dropped connection.
    maxHttpBufferSize: 2 * 1024 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    cors: { origin: false },
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

  const broadcaster = new ResultsBroadcaster((questionId) => {
    const question = engine.question(questionId);
    const state = engine.questionState(questionId);
    const results = engine.results(questionId);
    if (!question || !state || !results) return;
    io.to(ROOM.presenters).emit('results', results, state);
    if (engine.displaySees(questionId)) io.to(ROOM.displays).emit('results', results, state);
    else io.to(ROOM.displays).emit('question', state);
    const reach = audienceReach(question, state);
    if (reach === 'everyone') io.to(ROOM.audience).emit('results', results, state);
    else if (reach === 'answered') io.to(answeredRoom(questionId)).emit('results', results, state);
  }, options.resultsIntervalMs);

  function viewFor(socket: LiveSocket) {
    switch (socket.data.role) {
      case 'presenter':
        return engine.presenterView(participants());
      case 'display':
        return engine.displayView(participants());
      case 'audience':
        return engine.audienceView(socket.data.participantId!);
    }
  }

  function broadcastViews(): void {
    io.to(ROOM.presenters).emit('state', engine.presenterView(participants()));
    io.to(ROOM.displays).emit('state', engine.displayView(participants()));
    const audienceViewFor = engine.audienceViews();
    for (const socketId of io.sockets.adapter.rooms.get(ROOM.audience) ?? []) {
      const socket = io.sockets.sockets.get(socketId);
      if (socket) socket.emit('state', audienceViewFor(socket.data.participantId!));
    }
  }

  /** Carries out the engine's effects in order; an answer's write is awaited before what follows. */
  async function applyEffects(effects: EngineEffect[]): Promise<void> {
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
          io.in(answeredRoom(effect.questionId)).socketsLeave(answeredRoom(effect.questionId));
          break;
        case 'views-changed':
          broadcastViews();
          break;
        case 'results-changed':
          broadcaster.changed(effect.questionId);
          break;
      }
    }
  }

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
      if (JSON.stringify(args.slice(0, -1)).length > LIMITS.maxPacketBytes) {
        return reply(failure('too_large', `the message is larger than ${LIMITS.maxPacketBytes} bytes`));
      }
      next();
    });

    if (role === 'presenter') void socket.join(ROOM.presenters);
    else if (role === 'display') void socket.join(ROOM.displays);
    else {
      void socket.join(ROOM.audience);
      for (const question of engine.answeredBy(participantId!)) void socket.join(answeredRoom(question));
      socketsByParticipant.set(participantId!, (socketsByParticipant.get(participantId!) ?? 0) + 1);
      participantsChanged();
    }
    socket.emit('state', viewFor(socket));

    socket.on('disconnect', () => {
      if (role !== 'audience') return;
      const left = (socketsByParticipant.get(participantId!) ?? 1) - 1;
      if (left <= 0) socketsByParticipant.delete(participantId!);
      else socketsByParticipant.set(participantId!, left);
      participantsChanged();
    });

    socket.on('state:sync', (ack) => ack({ ok: true, view: viewFor(socket) }));

    socket.on('slide:go', async (payload, ack) => {
      const parsed = validate(slideGoSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.goTo(parsed.data, Date.now());
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      ack({ ok: true, cursor: outcome.cursor });
    });

    socket.on('question:control', async (payload, ack) => {
      const parsed = validate(questionControlSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.control(parsed.data.questionId, parsed.data.action, Date.now());
      if (!outcome.ok) return ack(outcome);
      await applyEffects(outcome.effects);
      ack({ ok: true, question: outcome.question });
    });

    socket.on('answer:submit', async (payload, ack) => {
      if (role !== 'audience') return ack(failure('forbidden', 'only phones that joined the talk answer questions'));
      const parsed = validate(answerSubmitSchema, payload);
      if (!parsed.ok) return ack(parsed);
      const outcome = engine.submitAnswer(participantId!, parsed.data, Date.now());
      if (!outcome.ok) return ack(outcome);
      try {
        if (outcome.duplicate) await writer.whenWritten(parsed.data.answerId);
        else await applyEffects(outcome.effects);
      } catch {
        return ack(failure('unavailable', 'the answer could not be saved — it will be sent again'));
      }
      void socket.join(answeredRoom(outcome.answer.questionId));
      ack({ ok: true, answer: outcome.answer, duplicate: outcome.duplicate });
    });
  });

  return {
    io,
    participants,
    connections: () => io.sockets.sockets.size,
    close: async (reason) => {
      io.emit('server:closing', reason);
      broadcaster.flush();
      writer.flushNow();
      if (participantsTimer) clearTimeout(participantsTimer);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { StorageStatus } from '../../protocol/session.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import type { SessionLog } from '../store/session-log.ts';
import { CommitWaiters } from './after-commit.ts';
import { Broadcast, type LiveServer } from './broadcast.ts';
import { ClientLimits, type ClientLimitOptions } from './client-limits.ts';
import type { CommandContext } from './commands.ts';
import { FaultLog } from './fault-log.ts';
import { guardSocket } from './guard.ts';
import { checkHandshakes } from './handshake.ts';
import { jsonOnlyParser } from './json-packets.ts';
import { Outbox } from './outbox.ts';
import { PhoneLanes } from './phone-lanes.ts';
import { ReplyQueue } from './reply-queue.ts';

export { phoneResultsInterval } from './broadcast.ts';

export interface LiveSessionOptions {
  engine: SessionEngine;
  /** Where the talk's records are committed; the engine folds what it commits. */
  log: SessionLog;
  presenterKey: string;
  resultsIntervalMs?: number;
  limits?: ClientLimitOptions;
  faults?: FaultLog;
  /** Leave other WebSocket upgrades on this HTTP server alone (Vite's dev server has its own). */
  shareUpgrades?: boolean;
}

export interface LiveSession {
  io: LiveServer;
  participants(): number;
  /** Swaps in an engine for an edited deck (dev): every client gets the new state. */
  replaceEngine(next: SessionEngine): void;
  connections(): number;
  /** Whether what the room sends is being saved. */
  storage(): StorageStatus;
  /** Tells clients, writes what is pending and closes every socket. */
  close(reason: string): Promise<void>;
}

/**
 * The Socket.IO side of a talk, wired from its parts: the handshake, the guard in front
 * of the command table, the outbox that carries out the engine's effects, and the rooms.
 */
export function attachLiveSession(http: HttpServer, options: LiveSessionOptions): LiveSession {
  const { log } = options;
  let engine = options.engine;
  const faults = options.faults ?? new FaultLog();
  const io: LiveServer = new Server(http, {
    // Large enough that an oversized field gets a `too_large` answer instead of a dropped connection.
    maxHttpBufferSize: 2 * 1024 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    cors: { origin: false },
    destroyUpgrade: !options.shareUpgrades,
    parser: jsonOnlyParser,
  });
  const limits = new ClientLimits(options.limits);
  const replies = new ReplyQueue((error) => faults.report('sending a reply', error));
  const broadcast = new Broadcast(io, () => engine, () => limits.phones, faults, (task) => replies.afterReplies(task), options.resultsIntervalMs);
  const outbox = new Outbox(log, broadcast, faults);

  // The engine counts a record once it is committed, in commit order.
  // Another node's records (a shared log) may open or close a quiz question: its countdown follows.
  log.onCommitted((records, fromElsewhere) => {
    outbox.run(engine.fold(records, fromElsewhere));
    if (fromElsewhere) armQuizTimer();
    // A quiz question closes as soon as every phone in the room has answered it (the engine decides).
    const answered = new Set<string>();
    for (const record of records) if (record.kind === 'answer') answered.add(record.questionId);
    for (const questionId of answered) closeWhenAllAnswered(questionId);
  });
  const closeWhenAllAnswered = (questionId: string) => {
    // A node of a cluster counts only its own phones: it cannot tell that the whole room answered.
    if (log.shared) return;
    const effects = engine.closeWhenAllAnswered(questionId, limits.connectedPhones, Date.now());
    if (effects.length === 0) return;
    outbox.run(effects);
    armQuizTimer();
  };
  log.onStatus((status) => {
    if (!status.ok) console.error(`handsup: ${status.problems.map((problem) => problem.message).join('; ')}`);
    else console.error('handsup: writing again: everything the room sends is being saved');
    broadcast.storage(status);
  });

  // A quiz question's answers open after its read phase (every view goes out again), and it closes
  // itself when its countdown reaches zero, after a restart too.
  let quizTimer: NodeJS.Timeout | undefined;
  const armQuizTimer = () => {
    if (quizTimer) clearTimeout(quizTimer);
    quizTimer = undefined;
    const deadline = engine.nextDeadline(Date.now());
    if (deadline === undefined) return;
    quizTimer = setTimeout(() => {
      quizTimer = undefined;
      faults.safely('closing a quiz question at zero', () => outbox.run(engine.quizTimeReached(Date.now())));
      armQuizTimer();
    }, Math.max(0, deadline - Date.now()));
  };
  // A quiz question whose countdown ended while the server was down is closed now; a running one is re-armed.
  faults.safely('closing quiz questions that ran out while the server was down', () => outbox.run(engine.closeExpired(Date.now())));
  armQuizTimer();

  const context: CommandContext = { engine: () => engine, log, outbox, broadcast, limits, armQuizTimer, now: Date.now };
  const lanes = new PhoneLanes();
  const commits = new CommitWaiters(
    (participantId, send, event, callback, outcome) => {
      if (participantId !== undefined) lanes.release(participantId);
      replies.add(send, event, callback, outcome);
    },
    (error) => faults.report('settling replies after a commit', error),
  );
  checkHandshakes(io, { engine: () => engine, presenterKey: options.presenterKey, limits, faults });

  io.on('connection', (socket) => {
    faults.safely(`connecting ${socket.data.role}`, () => {
      const { role, participantId } = socket.data;
      guardSocket(socket, { context, limits, lanes, replies, commits, faults });
      broadcast.join(socket);
      if (role === 'audience') {
        limits.connected(participantId!);
        broadcast.participantsChanged();
        socket.on('disconnect', () => {
          const left = limits.disconnected(participantId!);
          broadcast.participantsChanged();
          // The one phone the quiz was waiting for may just have left.
          const current = engine.currentQuestion();
          if (left === 0 && current) faults.safely('closing a quiz question everyone left has answered', () => closeWhenAllAnswered(current.id));
        });
      }
      socket.emit('state', broadcast.viewFor(socket));
      if (role === 'presenter') broadcast.storage(log.status(), socket);
    });
  });

  // Budgets of phones that left and refilled are forgotten.
  const sweep = setInterval(() => faults.safely('forgetting idle budgets', () => limits.sweep((key) => io.sockets.sockets.has(key))), 60_000);
  sweep.unref();

  return {
    io,
    replaceEngine(next) {
      engine = next;
      armQuizTimer();
      broadcast.views();
    },
    participants: () => limits.phones,
    connections: () => io.sockets.sockets.size,
    storage: () => log.status(),
    close: async (reason) => {
      broadcast.closing(reason);
      outbox.flush();
      log.close();
      clearInterval(sweep);
      if (quizTimer) clearTimeout(quizTimer);
      // The last commit's replies are settled by now and queued: written before the sockets close.
      await new Promise((resolve) => setImmediate(resolve));
      replies.flush();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

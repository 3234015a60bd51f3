/**
 * One process of the simulated audience: opens its share of phone sockets, then, on the
 * main process's signal, has each phone answer once and reports send times and acks.
 */
import { io, type Socket } from 'socket.io-client';
import type { AudienceView } from '../../protocol/session.ts';
import { now, type MainMessage, type SwarmJob, type WorkerMessage } from './swarm-protocol.ts';

const CONNECT_BATCH = 250;

function send(message: WorkerMessage): void {
  process.send!(message);
}

async function connectPhones(job: SwarmJob): Promise<Socket[]> {
  const startedAt = now();
  const sockets: Socket[] = [];
  const errors: string[] = [];
  let failed = 0;
  for (let start = 0; start < job.phones; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, job.phones - start) }, (_, i) => {
      const phone = job.firstPhone + start + i;
      const socket = io(job.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 60_000,
        auth: { role: 'audience', joinCode: job.joinCode, participantId: `${job.runId}-p${phone}`, nickname: undefined },
      });
      socket.on('state', (view: AudienceView) => showing.set(socket, openForAnswers(view)));
      return new Promise<void>((resolve) => {
        socket.once('connect', () => {
          sockets.push(socket);
          resolve();
        });
        socket.once('connect_error', (error) => {
          failed += 1;
          if (errors.length < 5) errors.push(error.message);
          socket.close();
          resolve();
        });
      });
    });
    await Promise.all(batch);
  }
  send({ kind: 'connected', connected: sockets.length, failed, errors, startedAt, doneAt: now() });
  return sockets;
}

/** The question each phone's latest view shows open for answers (a quiz's read phase over), if any. */
const showing = new WeakMap<Socket, string | undefined>();

function openForAnswers(view: AudienceView): string | undefined {
  const state = view.questionState;
  if (!view.question || state?.status !== 'open') return undefined;
  return state.answersOpenAt === undefined || state.answersOpenAt <= view.serverTime ? view.question.id : undefined;
}

/** Reports once every phone shows `questionId` open (a phone answers what it has been shown), or when the limit is up. */
function awaitQuestion(sockets: Socket[], round: Extract<MainMessage, { kind: 'await-question' }>): void {
  const until = now() + round.limitMs;
  const check = () => {
    const shown = sockets.filter((socket) => showing.get(socket) === round.questionId).length;
    if (shown === sockets.length || now() >= until) send({ kind: 'question-shown', shown, phones: sockets.length });
    else setTimeout(check, 20);
  };
  check();
}

function answerAll(job: SwarmJob, sockets: Socket[], round: Extract<MainMessage, { kind: 'answer' }>): void {
  const { spreadMs, totalPhones } = round;
  const questionId = round.questionId ?? job.questionId;
  const sentAt: number[] = [];
  const ackMs: number[] = [];
  const errors: string[] = [];
  let acked = 0;
  let refused = 0;
  let pending = sockets.length;
  let lastAckAt = 0;
  const finish = () => send({ kind: 'answered', sentAt, ackMs, acked, refused, lastAckAt, errors });
  if (pending === 0) return finish();
  const answerOne = (socket: Socket, index: number) => {
    const phone = job.firstPhone + index;
    const started = now();
    sentAt.push(started);
    socket
      .timeout(60_000)
      .emitWithAck('answer:submit', {
        questionId,
        answerId: `${job.runId}-a${phone}${round.tag ?? ''}`,
        value: { options: [phone % job.optionCount] },
      })
      .then(
        (reply: { ok: boolean; message?: string }) => {
          const at = now();
          if (reply.ok) {
            acked += 1;
            ackMs.push(at - started);
            lastAckAt = Math.max(lastAckAt, at);
          } else {
            refused += 1;
            if (errors.length < 5) errors.push(reply.message ?? 'refused');
          }
        },
        (error: Error) => {
          refused += 1;
          if (errors.length < 5) errors.push(error.message);
        },
      )
      .finally(() => {
        pending -= 1;
        if (pending === 0) finish();
      });
  };
  sockets.forEach((socket, index) => {
    // Phones across all workers take turns evenly over the window.
    const delay = spreadMs === 0 ? 0 : ((job.firstPhone + index) / totalPhones) * spreadMs;
    if (delay === 0) answerOne(socket, index);
    else setTimeout(() => answerOne(socket, index), delay);
  });
}

let sockets: Socket[] = [];
let job: SwarmJob | undefined;
process.on('message', (message: SwarmJob | MainMessage) => {
  if ('url' in message) {
    job = message;
    void connectPhones(message).then((connected) => (sockets = connected));
  } else if (message.kind === 'answer' && job) {
    answerAll(job, sockets, message);
  } else if (message.kind === 'await-question') {
    awaitQuestion(sockets, message);
  } else if (message.kind === 'close') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});

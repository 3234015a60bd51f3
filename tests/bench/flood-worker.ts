/**
 * The flooding phone, in a process of its own: one participant id on `sockets` sockets,
 * sending answers as fast as `perSecond` allows and reconnecting whenever the server
 * sends a socket away (as a hostile client would). Reports what it sent when told to stop.
 */
import { io, type Socket } from 'socket.io-client';

export interface FloodJob {
  url: string;
  joinCode: string;
  participantId: string;
  sockets: number;
  perSecond: number;
}
export type FloodReport = { kind: 'ready'; connected: number } | { kind: 'done'; sent: number; refused: number; seconds: number };

let sent = 0;
let refused = 0;
let startedAt = 0;
let flooding = false;
const sockets: Socket[] = [];

function open(job: FloodJob): Socket {
  const socket = io(job.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { role: 'audience', joinCode: job.joinCode, participantId: job.participantId },
  });
  // Sent away (too many sockets, or flooding): straight back, as an attacker would.
  const comeBack = () => flooding && setTimeout(() => socket.connect(), 200);
  socket.on('disconnect', comeBack);
  socket.on('connect_error', comeBack);
  return socket;
}

function flood(job: FloodJob): void {
  startedAt = performance.now();
  const perTick = Math.max(1, Math.round(job.perSecond / 1000));
  const tick = () => {
    if (!flooding) return;
    const live = sockets.filter((socket) => socket.connected);
    for (let n = 0; n < perTick && live.length > 0; n += 1) {
      const socket = live[n % live.length]!;
      sent += 1;
      socket.emit('answer:submit', { questionId: 'hate-networking', answerId: `flood-${sent}-${job.participantId}`, value: { options: [sent % 2] } }, (reply: { ok: boolean }) => {
        if (!reply.ok) refused += 1;
      });
    }
    setTimeout(tick, 1);
  };
  tick();
}

process.on('message', (message: FloodJob | { kind: 'start' | 'stop' }) => {
  if ('url' in message) {
    flooding = true;
    for (let n = 0; n < message.sockets; n += 1) sockets.push(open(message));
    // Give the handshakes a moment; sockets over the cap are refused and keep knocking.
    setTimeout(() => process.send!({ kind: 'ready', connected: sockets.filter((socket) => socket.connected).length } satisfies FloodReport), 1000);
    const job = message;
    process.once('message', (next: { kind: string }) => next.kind === 'start' && flood(job));
  } else if (message.kind === 'stop') {
    flooding = false;
    process.send!({ kind: 'done', sent, refused, seconds: (performance.now() - startedAt) / 1000 } satisfies FloodReport);
    for (const socket of sockets) socket.close();
    setTimeout(() => process.exit(0), 100);
  }
});

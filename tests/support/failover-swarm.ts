/**
 * The failover test's phones, in a child process of their own (2,000 socket.io-client
 * sockets are too much for the test's worker on two shared cores). They connect through
 * the balancer, a share over long-polling, reconnect the way the phone page does, and each
 * answers a few times, sending every answer again with the same id until it is
 * acknowledged. The test hears how many were acknowledged as they come (it kills a node
 * mid-burst), then every acknowledged id and each phone's last choice.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

export interface FailoverJob {
  url: string;
  joinCode: string;
  questionId: string;
  phones: number;
  /** Every n-th phone uses long-polling only (the balancer's cookie keeps it on one node). */
  pollingEvery: number;
  answersPerPhone: number;
  optionCount: number;
  /** Epoch ms after which a phone stops sending again. */
  deadline: number;
}

export type FailoverReport =
  | { kind: 'connected'; connected: number; errors: string[] }
  | { kind: 'acked'; acked: number }
  | {
      kind: 'done';
      acknowledged: string[];
      /** Each phone's last acknowledged option (its answer that counts), by phone number. */
      lastOption: (number | null)[];
      /** Phones connected at the end, and how many lost their node and came back. */
      connectedAtEnd: number;
      reconnected: number;
      unacknowledged: number;
      errors: string[];
    };

const report = (message: FailoverReport) => process.send!(message);
const errors: string[] = [];
const note = (error: string) => errors.length < 10 && errors.push(error);

function connect(job: FailoverJob, phone: number): Promise<Socket | undefined> {
  const socket = io(job.url, {
    auth: { role: 'audience', joinCode: job.joinCode, participantId: `failover-${phone}-${randomUUID().slice(0, 8)}` },
    transports: phone % job.pollingEvery === 0 ? ['polling'] : ['websocket'],
    withCredentials: true,
    forceNew: true,
    timeout: 60_000,
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
  });
  // Like the phone page: a failed attempt is tried again (the client reconnects by itself), within a bound.
  return new Promise((resolve) => {
    let lastError = '';
    const giveUp = setTimeout(() => {
      note(`phone ${phone} could not connect within 60 s: ${lastError}`);
      socket.close();
      resolve(undefined);
    }, 60_000);
    socket.on('connect_error', (error) => (lastError = error.message));
    socket.once('state', () => (clearTimeout(giveUp), resolve(socket)));
  });
}

/** One answer, sent again with the same id until acknowledged (a refusal, a timeout or a dead node mean "not saved"). */
async function answerUntilAcknowledged(socket: Socket, submit: object, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      const reply = (await socket.timeout(5000).emitWithAck('answer:submit', submit)) as { ok: boolean; code?: string; message?: string };
      if (reply.ok) return true;
      if (reply.code !== 'unavailable') {
        note(`refused: ${reply.code} ${reply.message}`);
        return false;
      }
    } catch {
      // No reply in time: the node may be gone; the socket reconnects through the balancer.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function run(job: FailoverJob): Promise<void> {
  const sockets: (Socket | undefined)[] = [];
  for (let start = 0; start < job.phones; start += 200) {
    const batch = Array.from({ length: Math.min(200, job.phones - start) }, (_, i) => connect(job, start + i));
    sockets.push(...(await Promise.all(batch)));
  }
  report({ kind: 'connected', connected: sockets.filter(Boolean).length, errors: [...errors] });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));

  let reconnected = 0;
  for (const socket of sockets) socket?.io.on('reconnect', () => (reconnected += 1));
  const acknowledged: string[] = [];
  const lastOption: (number | null)[] = sockets.map(() => null);
  let unacknowledged = 0;
  await Promise.all(
    sockets.map(async (socket, phone) => {
      if (!socket) return;
      for (let n = 0; n < job.answersPerPhone; n += 1) {
        const option = (phone + n) % job.optionCount;
        const submit = { questionId: job.questionId, answerId: `ans-${phone}-${n}-${randomUUID().slice(0, 8)}`, value: { options: [option] } };
        if (!(await answerUntilAcknowledged(socket, submit, job.deadline))) {
          unacknowledged += 1;
          return;
        }
        acknowledged.push(submit.answerId);
        lastOption[phone] = option;
        if (acknowledged.length % 100 === 0) report({ kind: 'acked', acked: acknowledged.length });
      }
    }),
  );
  const connectedAtEnd = sockets.filter((socket) => socket?.connected).length;
  report({ kind: 'done', acknowledged, lastOption, connectedAtEnd, reconnected, unacknowledged, errors });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  for (const socket of sockets) socket?.close();
  process.exit(0);
}

process.once('message', (job: FailoverJob) => void run(job));

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { LIMITS } from '../protocol/limits.ts';
import { compileDeck } from '../slides/compiler/index.ts';
import { createHandsupServer, type HandsupServer } from './app.ts';

/**
 * Phones of the warm-up, and answers each: 2,500 answers, enough for V8 to optimise the
 * per-answer code (300 were not: --trace-opt showed it compiled in the first burst all the
 * same). Each phone's answers stay within its event budget (LIMITS.eventBurst): none is
 * refused as too many. A hundred phones, not a thousand: a thousand took 2.2 s and left the
 * idle server at 180 MB of RSS, a hundred 0.6 s and 122 MB (90 MB without a warm-up).
 */
const WARM_UP_PHONES = 100;
const ANSWERS_PER_PHONE = Math.min(25, LIMITS.eventBurst - 2);
/** Answers the warm-up gives in all. */
export const WARM_UP_ANSWERS = WARM_UP_PHONES * ANSWERS_PER_PHONE;
/** A warm-up that has not finished by then is given up (a machine far too busy): the talk is not held up by it. */
const WARM_UP_LIMIT_MS = 15_000;

/** The scratch talk: one poll, as the first poll of a talk usually is (results once a phone has answered). */
const WARM_UP_DECK = `---
title: Warm-up
---

# Warm-up

---

## Which one?

\`\`\`poll
id: warm-up
type: choice
options: [One, Two, Three]
results: after-vote
\`\`\`

Note:
Answered by the server itself at start, never shown.
`;

export interface WarmUpReport {
  answers: number;
  ms: number;
}

/**
 * Answers a scratch poll through the whole answer path before the talk's first poll: a
 * server of its own on loopback (the same code as the talk's), a scratch data folder, a
 * presenter and a hundred phones over WebSocket, 25 answers each. V8 compiles the path
 * (Socket.IO's reading and writing, the guard, the lanes, the engine, the batched SQLite
 * commit, the replies) while nobody waits for it, instead of in the first burst of a
 * fresh server, where ten thousand phones answering at once ran it unoptimised for
 * thousands of answers and compiled it meanwhile. bench:answers, CPU per answer against
 * the bare server's: 1.21–2.02× cold (median ~1.6), 1.35–1.71× after 300 answers, 1.28–1.41×
 * after these 2,500; the first burst's acknowledgement p99 642–730 ms against 744–978 cold.
 * Nothing of the talk is touched: its sessions, its data folder, its participants. The
 * scratch folder is removed at the end, whatever happened.
 */
export async function warmUpAnswerPath(options: { distDir: string; /** Stops it (the talk is stopping): it closes and cleans up at once. */ signal?: AbortSignal }): Promise<WarmUpReport> {
  const startedAt = performance.now();
  const { deck, problems } = compileDeck(WARM_UP_DECK, 'warm-up.md');
  const question = deck.questions[0];
  if (problems.length > 0 || !question) throw new Error(`the warm-up deck does not compile: ${problems.map((problem) => problem.message).join('; ')}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-warm-up-'));
  const sockets: Socket[] = [];
  let server: HandsupServer | undefined;
  let limit: NodeJS.Timeout | undefined;
  try {
    // Its own presenter key, made in the scratch folder (not the talk's, whatever the environment says).
    server = createHandsupServer({ deck, deckFile: join(dataDir, 'warm-up.md'), distDir: options.distDir, dataDir, joinsPerMinute: 0, env: {} });
    const { port } = await server.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const connect = (auth: Record<string, string>) => {
      const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    };
    const work = (async () => {
      const presenter = await connect({ role: 'presenter', key: server.presenterKey });
      const moved = await presenter.emitWithAck('slide:go', { ...deck.slides[question.slideIndex]!.position, f: -1 });
      if (!moved.ok) throw new Error(`the warm-up poll did not open: ${moved.message}`);
      const run = randomBytes(6).toString('base64url');
      const joinCode = server.session.joinCode;
      const phones = await Promise.all(Array.from({ length: WARM_UP_PHONES }, (_, phone) => connect({ role: 'audience', joinCode, participantId: `warm-up-${run}-${phone}` })));
      let answers = 0;
      for (let round = 0; round < ANSWERS_PER_PHONE; round += 1) {
        // Every phone at once, as in a burst; each answer a new one (a poll's answer replaces the phone's last).
        const replies = await Promise.all(
          phones.map((phone, index) =>
            phone.emitWithAck('answer:submit', { questionId: question.id, answerId: `warm-up-${run}-${index}-${round}`, value: { options: [(index + round) % 3] } }),
          ),
        );
        const refused = replies.find((reply: { ok: boolean }) => !reply.ok);
        if (refused) throw new Error(`a warm-up answer was refused: ${(refused as { message: string }).message}`);
        answers += replies.length;
      }
      return answers;
    })();
    // Given up at the limit, its sockets are closed below and what it still waits for fails: that is not another fault.
    work.catch(() => undefined);
    const answers = await Promise.race([
      work,
      new Promise<never>((_resolve, reject) => {
        limit = setTimeout(() => reject(new Error(`it did not finish within ${WARM_UP_LIMIT_MS / 1000} s`)), WARM_UP_LIMIT_MS);
        if (options.signal?.aborted) reject(new Error('the server is stopping'));
        options.signal?.addEventListener('abort', () => reject(new Error('the server is stopping')), { once: true });
      }),
    ]);
    return { answers, ms: Math.round(performance.now() - startedAt) };
  } finally {
    clearTimeout(limit);
    for (const socket of sockets) socket.close();
    try {
      await server?.close('warm-up done');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/**
 * A connected swarm of simulated phones (in worker processes, see swarm-worker.ts) that
 * can answer several rounds: connect once, then each round every phone answers once,
 * in a burst or spread over a window, and the round reports acks and send times.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/server-process.ts';
import { percentile } from './bench-process.ts';
import { now, type SwarmJob, type WorkerMessage } from './swarm-protocol.ts';

export interface SwarmRound {
  acked: number;
  refused: number;
  answersPerSecond: number;
  ackP50: number;
  ackP99: number;
  /** When each answer was sent (ms since epoch), ascending. */
  sentAt: number[];
  startedAt: number;
  errors: string[];
}

export class Swarm {
  private constructor(
    private readonly workers: ChildProcess[],
    readonly phones: number,
    readonly connected: number,
    readonly connectMs: number,
    readonly errors: string[],
  ) {}

  /** Forks the workers and connects every phone; resolves once all have connected (or failed). */
  static async connect(job: Omit<SwarmJob, 'phones' | 'firstPhone'>, phones: number, workerCount: number): Promise<Swarm> {
    const count = Math.max(1, Math.min(workerCount, phones));
    const workers = Array.from({ length: count }, () =>
      fork(join(ROOT, 'tests/bench/swarm-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
    );
    const share = Math.ceil(phones / count);
    const reports = Swarm.reports(workers, 'connected');
    workers.forEach((worker, index) => {
      const firstPhone = index * share;
      worker.send({ ...job, phones: Math.max(0, Math.min(share, phones - firstPhone)), firstPhone } satisfies SwarmJob);
    });
    const connected = (await reports).flatMap((report) => (report.kind === 'connected' ? [report] : []));
    return new Swarm(
      workers,
      phones,
      connected.reduce((sum, report) => sum + report.connected, 0),
      Math.max(...connected.map((r) => r.doneAt)) - Math.min(...connected.map((r) => r.startedAt)),
      connected.flatMap((report) => report.errors),
    );
  }

  /**
   * Resolves once every phone has been shown `questionId` open for answers: the phones of a
   * burst answer a question they have on screen, not one the server is still sending out.
   */
  async questionShown(questionId: string, limitMs = 30_000): Promise<void> {
    const reports = Swarm.reports(this.workers, 'question-shown');
    for (const worker of this.workers) worker.send({ kind: 'await-question', questionId, limitMs });
    const shown = (await reports).flatMap((report) => (report.kind === 'question-shown' ? [report] : []));
    const missing = shown.reduce((sum, report) => sum + report.phones - report.shown, 0);
    if (missing > 0) throw new Error(`${missing} phones were not shown question "${questionId}" open within ${limitMs} ms`);
  }

  /** Every phone answers `questionId` once; `tag` makes this round's answer ids new. */
  async answer(questionId: string, tag: string, spreadMs: number): Promise<SwarmRound> {
    const reports = Swarm.reports(this.workers, 'answered');
    const startedAt = now();
    for (const worker of this.workers) worker.send({ kind: 'answer', spreadMs, totalPhones: this.phones, questionId, tag });
    const answered = (await reports).flatMap((report) => (report.kind === 'answered' ? [report] : []));
    const acks = answered.flatMap((report) => report.ackMs).sort((a, b) => a - b);
    const acked = answered.reduce((sum, report) => sum + report.acked, 0);
    const lastAckAt = Math.max(startedAt, ...answered.map((report) => report.lastAckAt));
    return {
      acked,
      refused: answered.reduce((sum, report) => sum + report.refused, 0),
      answersPerSecond: acked / ((lastAckAt - startedAt) / 1000),
      ackP50: percentile(acks, 50),
      ackP99: percentile(acks, 99),
      sentAt: answered.flatMap((report) => report.sentAt).sort((a, b) => a - b),
      startedAt,
      errors: answered.flatMap((report) => report.errors),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map((worker) => {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.send({ kind: 'close' });
        return exited;
      }),
    );
  }

  private static reports(workers: ChildProcess[], kind: WorkerMessage['kind']): Promise<WorkerMessage[]> {
    return Promise.all(
      workers.map(
        (worker) =>
          new Promise<WorkerMessage>((resolve, reject) => {
            const listener = (message: WorkerMessage) => {
              if (message.kind !== kind) return;
              worker.off('message', listener);
              resolve(message);
            };
            worker.on('message', listener);
            worker.once('exit', (code) => reject(new Error(`a swarm worker exited (${code}) before it reported "${kind}"`)));
          }),
      ),
    );
  }
}

/**
 * How long each answer took to show on a console: answer i (in send order) reached it
 * with the first results that counted i+1 responses.
 */
export function toConsoleMs(sentAt: readonly number[], seen: readonly { at: number; responses: number }[], acked: number): number[] {
  const latencies: number[] = [];
  let cursor = 0;
  for (let i = 0; i < Math.min(sentAt.length, acked); i += 1) {
    while (cursor < seen.length && seen[cursor]!.responses < i + 1) cursor += 1;
    if (cursor >= seen.length) break;
    latencies.push(seen[cursor]!.at - sentAt[i]!);
  }
  return latencies.sort((a, b) => a - b);
}

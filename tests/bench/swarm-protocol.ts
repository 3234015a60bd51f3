/** Messages between the bench's main process and its swarm workers (over child_process IPC). */
export interface SwarmJob {
  url: string;
  joinCode: string;
  questionId: string;
  /** Option index each phone picks (a spread over the options, by phone number). */
  optionCount: number;
  phones: number;
  firstPhone: number;
  runId: string;
}

export type WorkerMessage =
  | { kind: 'connected'; connected: number; failed: number; errors: string[]; startedAt: number; doneAt: number }
  | {
      kind: 'answered';
      /** Absolute send times (ms since epoch, sub-ms precision), one per answer sent. */
      sentAt: number[];
      /** Ack latency (ms) of each acknowledged answer. */
      ackMs: number[];
      acked: number;
      refused: number;
      lastAckAt: number;
      errors: string[];
    }
  | { kind: 'question-shown'; shown: number; phones: number };

/**
 * spreadMs 0: every phone answers at once (a burst); otherwise evenly over that window.
 * The same phones may answer again, another question (`questionId`, the job's otherwise)
 * with other answer ids (`tag` makes them new).
 */
export type MainMessage =
  | { kind: 'answer'; spreadMs: number; totalPhones: number; questionId?: string; tag?: string }
  /** Report once every phone has been shown `questionId` open for answers (or after `limitMs`, with how many were). */
  | { kind: 'await-question'; questionId: string; limitMs: number }
  | { kind: 'close' };

/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC, `process.hrtime`): one clock
 * for every process of the machine, so a phone's send time in a worker and the presenter's
 * receive time in the main process compare. `performance.timeOrigin` is read from the wall
 * clock once per process: when the wall clock was stepped between two processes' starts (NTP
 * on this VM), their times differed by the step, and answers reached the presenter in -250 ms.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

import type { z } from 'zod';
import { failure, type Failure } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { AfterCommit, type CommitWaiters } from './after-commit.ts';
import type { LiveSocket } from './broadcast.ts';
import type { ClientLimits } from './client-limits.ts';
import { COMMANDS, type Command, type CommandContext, type EventName } from './commands.ts';
import type { FaultLog } from './fault-log.ts';
import { gateFrames } from './frame-gate.ts';
import { measureMessage } from './frame-measure.ts';
import type { PhoneLanes } from './phone-lanes.ts';
import type { ReplyQueue } from './reply-queue.ts';
import { validate } from './validate.ts';

export interface GuardOptions {
  context: CommandContext;
  limits: ClientLimits;
  lanes: PhoneLanes;
  /** Where replies that waited for a commit wait their turn to be written. */
  replies: ReplyQueue;
  /** Where replies wait for their batch's commit (answers, upvotes); settling one releases its phone's lane. */
  commits: CommitWaiters;
  faults: FaultLog;
}

/** Refusals in a row after which a socket counts as flooding: answered up to here, dropped unread after. */
const FLOOD_AFTER_REFUSALS = LIMITS.eventBurst * 2;

const WHO: Record<LiveSocket['data']['role'], string> = { presenter: 'the presenter', display: 'a projector', audience: 'a phone' };

/**
 * The one way into the server for every inbound event. In order, each step cheaper than
 * the next: the sender's budget (per phone across its sockets), a known event, the exact
 * shape (the payload if the event has one, then the callback — nothing more, nothing
 * less), the sender's role, then the payload: the quick reading of the plain shape nearly
 * every phone sends (an answer), or else its size and nesting (measured without
 * recursion) and its schema; then the command runs, one phone's commands in turn, and a
 * reply that waits for a commit is written in the reply queue's turn. Anything wrong is
 * answered through the callback when there is one and dropped otherwise; a socket far over its
 * budget has its frames dropped before they are even decoded. Anything that throws is
 * logged once with the event and the role and answered `internal`. Nothing a client
 * sends gets past this to end the process.
 */
export function guardSocket(socket: LiveSocket, options: GuardOptions): void {
  const { role, participantId } = socket.data;
  const budgetKey = participantId ?? socket.id;
  const budget = options.limits.eventBudget(budgetKey, role === 'presenter');
  let refusedInRow = 0;
  // Far over budget: further frames are dropped unread until the budget has room again.
  gateFrames(socket, () => refusedInRow > FLOOD_AFTER_REFUSALS && !budget.hasRoom());

  const who = WHO[role];
  /** Answers through the callback; a callback that throws is logged, never fatal. */
  const reply = (event: unknown, callback: ((reply: unknown) => void) | undefined, outcome: unknown) => {
    try {
      callback?.(outcome);
    } catch (error) {
      options.faults.report(`answering "${String(event)}" from ${who}`, error);
    }
  };
  const fail = (event: unknown, callback: ((reply: unknown) => void) | undefined, error: unknown) => {
    options.faults.report(`"${String(event)}" from ${who}`, error);
    reply(event, callback, failure('internal', 'the server failed at this — it has been logged; try again, and tell the organiser if it keeps happening'));
  };

  // The packet as Socket.IO decoded it: [event, ...args]; read in place (this runs for every event of every phone).
  socket.use((packet) => {
    const event = packet[0];
    const last = packet[packet.length - 1];
    const callback = packet.length > 1 && typeof last === 'function' ? (last as (reply: unknown) => void) : undefined;
    try {
      if (!budget.spend()) {
        refusedInRow += 1;
        return reply(event, callback, failure('rate_limited', 'too many messages — wait a moment and try again'));
      }
      refusedInRow = 0;
      const refusal = check(role, String(event), packet, callback !== undefined);
      if (refusal === 'drop') return;
      if (refusal) return reply(event, callback, refusal);
      const command = COMMANDS[event as EventName] as Command<EventName, z.ZodType | undefined>;
      // The quick reading accepts only exact, small shapes (within the size and nesting limits) and
      // looks two levels deep at most (a hostile payload's keys once: less than decoding them cost);
      // anything else is measured, then read by the schema.
      let data = command.readPayload?.(packet[1]);
      if (data === undefined && command.payload) {
        const oversized = measure(packet[1]);
        if (oversized) return reply(event, callback, oversized);
        const parsed = validate(command.payload, packet[1]);
        if (!parsed.ok) return reply(event, callback, parsed);
        data = parsed.data;
      }
      const run = () => command.run(options.context, data, socket);
      const lane = command.perPhone ? participantId : undefined;
      const outcome = lane ? options.lanes.run(lane, run) : run();
      if (outcome instanceof AfterCommit) options.commits.add(outcome, lane, reply, event, callback);
      else if (outcome instanceof Promise) {
        outcome.then(
          // A command that waited in its phone's lane may settle to an AfterCommit of its own.
          (settled) => (settled instanceof AfterCommit ? options.commits.add(settled, lane, reply, event, callback) : options.replies.add(reply, event, callback, settled)),
          (error: unknown) => fail(event, callback, error),
        );
      } else reply(event, callback, outcome);
    } catch (error) {
      fail(event, callback, error);
    }
  });
}

/** What is wrong with an event before its payload is read: a failure to answer, 'drop' when there is no one to answer, or nothing. `packet` is [event, ...args]. */
function check(role: LiveSocket['data']['role'], event: string, packet: readonly unknown[], hasCallback: boolean): Failure | 'drop' | undefined {
  if (!Object.hasOwn(COMMANDS, event)) return hasCallback ? failure('bad_request', `unknown event "${event.slice(0, 64)}"`) : 'drop';
  const command = COMMANDS[event as EventName] as Command<EventName, z.ZodType | undefined>;
  // Every event is acknowledged: without a callback there is no one to answer.
  if (!hasCallback) return 'drop';
  const args = packet.length - 1;
  const expected = command.payload ? 2 : 1;
  if (args !== expected) {
    return failure('bad_request', `"${event}" takes ${command.payload ? 'one payload and then a callback' : 'only a callback'} (got ${args} arguments)`);
  }
  if (command.role !== 'anyone' && command.role !== role) {
    return command.role === 'presenter'
      ? failure('forbidden', `only the presenter may send "${event}"`)
      : failure('forbidden', `only phones that joined the talk send "${event}"`);
  }
  return undefined;
}

/** A payload over the size or nesting limit: the failure to answer; nothing when it is within both. */
function measure(payload: unknown): Failure | undefined {
  const measured = measureMessage([payload], LIMITS.maxPacketBytes, LIMITS.maxNestingDepth);
  if (!measured.ok) {
    return failure(
      'too_large',
      measured.reason === 'size' ? `the message is larger than ${LIMITS.maxPacketBytes} bytes` : `the message is nested deeper than ${LIMITS.maxNestingDepth} levels`,
    );
  }
  return undefined;
}

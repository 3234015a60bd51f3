import type { z } from 'zod';
import { failure, type Failure } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { LiveSocket } from './broadcast.ts';
import type { ClientLimits } from './client-limits.ts';
import { COMMANDS, type Command, type CommandContext, type EventName } from './commands.ts';
import type { FaultLog } from './fault-log.ts';
import { gateFrames } from './frame-gate.ts';
import { measureMessage } from './frame-measure.ts';
import type { PhoneLanes } from './phone-lanes.ts';
import { validate } from './validate.ts';

export interface GuardOptions {
  context: CommandContext;
  limits: ClientLimits;
  lanes: PhoneLanes;
  faults: FaultLog;
}

/** Refusals in a row after which a socket counts as flooding: answered up to here, dropped unread after. */
const FLOOD_AFTER_REFUSALS = LIMITS.eventBurst * 2;

const WHO: Record<LiveSocket['data']['role'], string> = { presenter: 'the presenter', display: 'a projector', audience: 'a phone' };

/**
 * The one way into the server for every inbound event. In order, each step cheaper than
 * the next: the sender's budget (per phone across its sockets), a known event, the exact
 * shape (the payload if the event has one, then the callback — nothing more, nothing
 * less), the sender's role, size and nesting (measured without recursion), the payload's
 * schema; then the command runs, one phone's commands in turn. Anything wrong is answered
 * through the callback when there is one and dropped otherwise; a socket far over its
 * budget has its frames dropped before they are even decoded. Anything that throws is
 * logged once with the event and the role and answered `internal`. Nothing a client
 * sends gets past this to end the process.
 */
export function guardSocket(socket: LiveSocket, options: GuardOptions): void {
  const { role, participantId } = socket.data;
  const budgetKey = participantId ?? socket.id;
  let refusedInRow = 0;
  // Far over budget: further frames are dropped unread until the budget has room again.
  gateFrames(socket, () => refusedInRow > FLOOD_AFTER_REFUSALS && !options.limits.hasEvent(budgetKey));

  socket.use(([event, ...args]) => {
    const callback = typeof args.at(-1) === 'function' ? (args.at(-1) as (reply: unknown) => void) : undefined;
    const reply = (outcome: unknown) => {
      try {
        callback?.(outcome);
      } catch (error) {
        options.faults.report(`answering "${String(event)}" from ${WHO[role]}`, error);
      }
    };
    const fail = (error: unknown) => {
      options.faults.report(`"${String(event)}" from ${WHO[role]}`, error);
      reply(failure('internal', 'the server failed at this — it has been logged; try again, and tell the organiser if it keeps happening'));
    };
    try {
      if (!options.limits.allowEvent(budgetKey, role === 'presenter')) {
        refusedInRow += 1;
        return reply(failure('rate_limited', 'too many messages — wait a moment and try again'));
      }
      refusedInRow = 0;
      const refusal = check(role, String(event), args, callback !== undefined);
      if (refusal === 'drop') return;
      if (refusal) return reply(refusal);
      const command = COMMANDS[event as EventName] as Command<EventName, z.ZodType | undefined>;
      const parsed = command.payload ? validate(command.payload, args[0]) : { ok: true as const, data: undefined };
      if (!parsed.ok) return reply(parsed);
      const run = () => command.run(options.context, parsed.data, socket);
      const outcome = command.perPhone && participantId ? options.lanes.run(participantId, run) : run();
      if (outcome instanceof Promise) outcome.then(reply, fail);
      else reply(outcome);
    } catch (error) {
      fail(error);
    }
  });
}

/** What is wrong with an event before its payload is parsed: a failure to answer, 'drop' when there is no one to answer, or nothing. */
function check(role: LiveSocket['data']['role'], event: string, args: unknown[], hasCallback: boolean): Failure | 'drop' | undefined {
  if (!Object.hasOwn(COMMANDS, event)) return hasCallback ? failure('bad_request', `unknown event "${event.slice(0, 64)}"`) : 'drop';
  const command = COMMANDS[event as EventName] as Command<EventName, z.ZodType | undefined>;
  // Every event is acknowledged: without a callback there is no one to answer.
  if (!hasCallback) return 'drop';
  const expected = command.payload ? 2 : 1;
  if (args.length !== expected) {
    return failure('bad_request', `"${event}" takes ${command.payload ? 'one payload and then a callback' : 'only a callback'} (got ${args.length} arguments)`);
  }
  if (command.role !== 'anyone' && command.role !== role) {
    return command.role === 'presenter'
      ? failure('forbidden', `only the presenter may send "${event}"`)
      : failure('forbidden', `only phones that joined the talk send "${event}"`);
  }
  const measured = measureMessage(args.slice(0, -1), LIMITS.maxPacketBytes, LIMITS.maxNestingDepth);
  if (!measured.ok) {
    return failure(
      'too_large',
      measured.reason === 'size' ? `the message is larger than ${LIMITS.maxPacketBytes} bytes` : `the message is nested deeper than ${LIMITS.maxNestingDepth} levels`,
    );
  }
  return undefined;
}

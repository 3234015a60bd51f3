import type { z } from 'zod';
import { failure, type Failure } from '../../protocol/errors.ts';
import {
  answerSubmitSchema,
  moderationSetSchema,
  nicknameSchema,
  qaMarkSchema,
  qaUpvoteSchema,
  questionControlSchema,
  reactionSchema,
  slideGoSchema,
  type ClientToServerEvents,
  type SocketData,
} from '../../protocol/events.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import type { RecordOf, SessionRecord } from '../store/records.ts';
import type { SessionLog } from '../store/session-log.ts';
import type { Broadcast, LiveSocket } from './broadcast.ts';
import type { ClientLimits } from './client-limits.ts';
import { AfterCommit, notSaved } from './after-commit.ts';
import { readAnswerSubmit } from './answer-fast-path.ts';
import type { Outbox } from './outbox.ts';

export type EventName = keyof ClientToServerEvents;
type CallbackOf<E extends EventName> = Extract<Parameters<ClientToServerEvents[E]>[number], (reply: never) => void>;
export type ReplyOf<E extends EventName> = Parameters<CallbackOf<E>>[0];

/** What a command may use: the engine of the moment, the log, the outbox and the rooms. */
export interface CommandContext {
  engine(): SessionEngine;
  log: SessionLog;
  outbox: Outbox;
  broadcast: Broadcast;
  limits: ClientLimits;
  /** A quiz question may have opened, closed or reset: its countdown's timer follows. */
  armQuizTimer(): void;
  now(): number;
}

/**
 * One inbound event: who may send it, the schema of its one payload (none: the event
 * carries only its callback), whether one phone's commands queue behind each other, and
 * what it does. The guard checks everything before `run` is called.
 */
export interface Command<E extends EventName, S extends z.ZodType | undefined> {
  role: SocketData['role'] | 'anyone';
  payload: S;
  /** A quicker reading of the payload that the schema would give the same (undefined: ask the schema). */
  readPayload?: (payload: unknown) => (S extends z.ZodType ? z.output<S> : undefined) | undefined;
  perPhone?: boolean;
  run(context: CommandContext, data: S extends z.ZodType ? z.output<S> : undefined, socket: LiveSocket): ReplyOf<E> | Promise<ReplyOf<E>> | AfterCommit<ReplyOf<E>>;
}

const command = <E extends EventName, S extends z.ZodType | undefined>(definition: Command<E, S>) => definition;

/**
 * `reply` (undefined when none is given) once a commit is done, the records on disk and counted;
 * `unavailable` when the store refused them (the presenter's commands and nicknames; answers
 * and upvotes wait as an AfterCommit).
 */
function committed<R = undefined>(commit: Promise<unknown>, what: string, reply?: R): Promise<R | Failure> {
  return commit.then(
    () => reply as R,
    () => notSaved(what),
  );
}

export const COMMANDS = {
  'state:sync': command<'state:sync', undefined>({
    role: 'anyone',
    payload: undefined,
    run: (context, _data, socket) => ({ ok: true, view: context.broadcast.viewFor(socket) }),
  }),

  'slide:go': command({
    role: 'presenter',
    payload: slideGoSchema,
    run(context, cursor) {
      const outcome = context.engine().goTo(cursor, context.now());
      if (!outcome.ok) return outcome;
      context.outbox.run(outcome.effects);
      context.armQuizTimer();
      return { ok: true, cursor: outcome.cursor };
    },
  }),

  'question:control': command({
    role: 'presenter',
    payload: questionControlSchema,
    async run(context, { questionId, action }) {
      if (action === 'reset' && context.engine().question(questionId)) {
        // Answers still gathering land first, then the reset is on disk before anything forgets them.
        context.log.flush();
        const refused = await committed(context.log.commit([{ kind: 'discard', questionId }]), 'the reset');
        if (refused) return refused;
      }
      const outcome = context.engine().control(questionId, action, context.now());
      if (!outcome.ok) return outcome;
      context.outbox.run(outcome.effects);
      context.armQuizTimer();
      return { ok: true, question: outcome.question };
    },
  }),

  'moderation:set': command({
    role: 'presenter',
    payload: moderationSetSchema,
    async run(context, { questionId, entryId, status }) {
      const proposal = context.engine().proposeModeration(questionId, entryId, status);
      if (!proposal.ok) return proposal;
      return (await committed(context.log.commit(proposal.records), 'the decision')) ?? { ok: true, entry: proposal.entry };
    },
  }),

  'qa:mark': command({
    role: 'presenter',
    payload: qaMarkSchema,
    async run(context, { questionId, entryId, ...marks }) {
      const proposal = context.engine().proposeQaMarks(questionId, entryId, marks);
      if (!proposal.ok) return proposal;
      return (await committed(context.log.commit(proposal.records), 'the mark')) ?? { ok: true, entry: proposal.entry };
    },
  }),

  'participant:nickname': command({
    role: 'audience',
    payload: nicknameSchema,
    perPhone: true,
    async run(context, { nickname }, socket) {
      const participantId = socket.data.participantId!;
      const proposal = context.engine().proposeNickname(participantId, nickname, context.now());
      if (!proposal.ok) return proposal;
      const refused = await committed(context.log.commit(proposal.records), 'the nickname');
      if (refused) return refused;
      // The log decides: another phone (on another node) may have taken it first, then this one says so with a free one.
      if (context.engine().nickname(participantId) !== proposal.nickname) {
        const again = context.engine().proposeNickname(participantId, nickname, context.now());
        return again.ok ? failure('conflict', `the nickname "${proposal.nickname}" was just taken — try again`) : again;
      }
      return { ok: true, nickname: proposal.nickname };
    },
  }),

  'reaction:send': command({
    role: 'audience',
    payload: reactionSchema,
    run(context, { emoji }, socket) {
      if (!context.limits.allowReaction(socket.data.participantId!)) return failure('rate_limited', 'one reaction a second is plenty — wait a moment');
      context.outbox.run(context.engine().react(emoji));
      return { ok: true };
    },
  }),

  'qa:upvote': command({
    role: 'audience',
    payload: qaUpvoteSchema,
    perPhone: true,
    run(context, { questionId, entryId }, socket) {
      const proposal = context.engine().proposeVote(socket.data.participantId!, questionId, entryId, context.now());
      if (!proposal.ok) return proposal;
      return appendAll(context, proposal.records, 'the upvote', { ok: true as const, entryId, votes: proposal.votes, duplicate: proposal.duplicate });
    },
  }),

  'answer:submit': command({
    role: 'audience',
    payload: answerSubmitSchema,
    readPayload: readAnswerSubmit,
    perPhone: true,
    run(context, submit, socket) {
      const participantId = socket.data.participantId!;
      const proposal = context.engine().proposeAnswer(participantId, submit, context.now());
      if (!proposal.ok) return proposal;
      const accepted = { ok: true as const, answer: proposal.answer, duplicate: proposal.duplicate };
      if (proposal.records.length === 0) return accepted;
      return appendAll(context, proposal.records, 'the answer', accepted);
    },
  }),
} satisfies { [E in EventName]: Command<E, z.ZodType | undefined> };

/**
 * Answers and upvotes go to the batched writer: `reply` once committed (and counted),
 * `unavailable` when the store refused them. Nothing per answer but the AfterCommit: the
 * guard waits for the batch's commit once for all its answers.
 */
function appendAll<R>(context: CommandContext, records: SessionRecord[], what: string, reply: R): AfterCommit<R> {
  const batched = records as (RecordOf<'answer'> | RecordOf<'vote'>)[];
  const appended = batched.length === 1 ? context.log.append(batched[0]!) : Promise.all(batched.map((record) => context.log.append(record)));
  return new AfterCommit(appended, reply, what);
}

/**
 * Every Socket.IO event, typed both ways, with a zod schema for every inbound payload.
 * Server and pages import these maps, so a mismatch is a compile error.
 */
import { z } from 'zod';
import type { Ack } from './errors.ts';
import { LIMITS } from './limits.ts';
import {
  REACTIONS,
  type AudienceView,
  type DisplayView,
  type EntryStatus,
  type OwnAnswer,
  type PresenterView,
  type QuestionState,
  type ReactionBurst,
  type Results,
  type SlideCursor,
  type StorageStatus,
} from './session.ts';

const clientId = z
  .string()
  .min(LIMITS.idMinLength)
  .max(LIMITS.idMaxLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');
const questionId = z.string().min(1).max(LIMITS.questionIdMaxLength);

/** The handshake's `auth`: who is connecting. */
export const handshakeSchema = z.discriminatedUnion('role', [
  // No key: the browser console, which proves itself with the HTTP-only cookie it got for the key.
  z.object({ role: z.literal('presenter'), key: z.string().min(1).max(LIMITS.keyMaxLength).optional() }),
  z.object({ role: z.literal('display') }),
  z.object({
    role: z.literal('audience'),
    joinCode: z.string().min(1).max(16),
    participantId: clientId,
    /** Asked by the phone only when the talk has a quiz; absent or empty = anonymous. */
    nickname: z.string().trim().max(LIMITS.nicknameMaxLength).optional(),
  }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

export const slideGoSchema = z.object({
  h: z.number().int().min(0).max(10_000),
  v: z.number().int().min(0).max(10_000),
  f: z.number().int().min(-1).max(1_000).default(-1),
});

/** `add-time`: a running quiz question's countdown gets QUIZ_ADDED_SECONDS (protocol/session.ts) more. */
export const QUESTION_ACTIONS = ['open', 'close', 'reopen', 'reveal', 'hide', 'reset', 'add-time'] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

export const questionControlSchema = z.object({
  questionId,
  action: z.enum(QUESTION_ACTIONS),
});

export const answerValueSchema = z.union([
  z.object({ options: z.array(z.number().int().min(0).max(LIMITS.maxOptionsPerAnswer)).min(1).max(LIMITS.maxOptionsPerAnswer) }).strict(),
  z.object({ value: z.number().finite() }).strict(),
  z.object({ text: z.string().max(LIMITS.textMaxLength) }).strict(),
]);

export const answerSubmitSchema = z.object({
  questionId,
  answerId: clientId,
  value: answerValueSchema,
});
export type AnswerSubmit = z.infer<typeof answerSubmitSchema>;

const entryId = z.string().min(1).max(LIMITS.entryIdMaxLength);

/** Audience: the nickname shown on quiz boards. Trimmed and checked by the server (LIMITS.nicknameMaxLength). */
export const nicknameSchema = z.object({ nickname: z.string().max(LIMITS.nicknameMaxLength * 8) });

/** Audience: an emoji reaction to the current slide. */
export const reactionSchema = z.object({ emoji: z.enum(REACTIONS) });

/** Audience: upvote another phone's Q&A question. */
export const qaUpvoteSchema = z.object({ questionId, entryId });

/** Presenter: approve or hide a text answer, a Q&A question or a word-cloud word. */
export const moderationSetSchema = z.object({
  questionId,
  entryId,
  status: z.enum(['approved', 'hidden'] satisfies EntryStatus[]),
});

/** Presenter: mark a Q&A question answered or pinned (pinning one unpins the others). */
export const qaMarkSchema = z
  .object({ questionId, entryId, answered: z.boolean().optional(), pinned: z.boolean().optional() })
  .refine((mark) => mark.answered !== undefined || mark.pinned !== undefined, { message: 'say answered: true|false, pinned: true|false, or both' });

/** How the presenter left a moderated entry, as acknowledged. */
export interface EntryMark {
  questionId: string;
  entryId: string;
  status: EntryStatus;
  flagged: boolean;
  /** Q&A only. */
  answered: boolean;
  pinned: boolean;
}

export interface ClientToServerEvents {
  /** Presenter: move the talk to a slide (and fragment step). */
  'slide:go': (cursor: z.input<typeof slideGoSchema>, ack: (reply: Ack<{ cursor: SlideCursor }>) => void) => void;
  /** Presenter: open / close / reopen / reveal / hide / reset a question, or add time to a running quiz question. */
  'question:control': (
    command: z.input<typeof questionControlSchema>,
    ack: (reply: Ack<{ question: QuestionState }>) => void,
  ) => void;
  /** Audience: answer (or change the answer to) the open question. */
  'answer:submit': (answer: AnswerSubmit, ack: (reply: Ack<{ answer: OwnAnswer; duplicate: boolean }>) => void) => void;
  /** Audience: set or change its nickname (unique in the session, case-insensitive). */
  'participant:nickname': (payload: z.input<typeof nicknameSchema>, ack: (reply: Ack<{ nickname: string }>) => void) => void;
  /** Audience: react to the current slide with one of REACTIONS. */
  'reaction:send': (payload: z.input<typeof reactionSchema>, ack: (reply: Ack) => void) => void;
  /** Audience: upvote another phone's Q&A question; a second upvote of the same one changes nothing. */
  'qa:upvote': (
    payload: z.input<typeof qaUpvoteSchema>,
    ack: (reply: Ack<{ entryId: string; votes: number; duplicate: boolean }>) => void,
  ) => void;
  /** Presenter: approve or hide a text answer, Q&A question or word. */
  'moderation:set': (payload: z.input<typeof moderationSetSchema>, ack: (reply: Ack<{ entry: EntryMark }>) => void) => void;
  /** Presenter: mark a Q&A question answered and/or pinned. */
  'qa:mark': (payload: z.input<typeof qaMarkSchema>, ack: (reply: Ack<{ entry: EntryMark }>) => void) => void;
  /** Anyone: the whole current view for this socket's role. */
  'state:sync': (ack: (reply: Ack<{ view: PresenterView | DisplayView | AudienceView }>) => void) => void;
}

export interface ServerToClientEvents {
  /** The whole view for this socket's role: on connect and whenever the talk moves. */
  state: (view: PresenterView | DisplayView | AudienceView) => void;
  /** Coalesced results for one question (a few a second at most). */
  results: (results: Results, question: QuestionState) => void;
  /** A question's status and response count, without its results (projector before the reveal). */
  question: (question: QuestionState) => void;
  /** Presenter and displays: reactions since the last burst, a few times a second at most. */
  reactions: (burst: ReactionBurst) => void;
  /** How many phones are connected. */
  participants: (count: number) => void;
  /** The server is going away (shutdown); clients reconnect on their own. */
  'server:closing': (reason: string) => void;
  /** Presenter: whether what the room sends is being saved (on connect and on every change). */
  storage: (status: StorageStatus) => void;
}

/** None: the nodes of a cluster share the session through the Redis log, not through Socket.IO. */
export type InterServerEvents = Record<never, never>;

export interface SocketData {
  role: 'presenter' | 'display' | 'audience';
  participantId?: string;
  sessionId: string;
}

/** All presenter-only events: a display or phone sending one gets `forbidden`. */
export const PRESENTER_EVENTS = ['slide:go', 'question:control', 'moderation:set', 'qa:mark'] as const;
/** Events only a phone that joined the talk may send: the presenter or a display gets `forbidden`. */
export const AUDIENCE_EVENTS = ['answer:submit', 'participant:nickname', 'reaction:send', 'qa:upvote'] as const;

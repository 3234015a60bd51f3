/**
 * Every Socket.IO event, typed both ways, with a zod schema for every inbound payload.
 * Server and pages import these maps, so a mismatch is a compile error.
 */
import { z } from 'zod';
import type { Ack } from './errors.ts';
import { LIMITS } from './limits.ts';
import type { AudienceView, DisplayView, OwnAnswer, PresenterView, QuestionState, Results, SlideCursor } from './session.ts';

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
  }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

export const slideGoSchema = z.object({
  h: z.number().int().min(0).max(10_000),
  v: z.number().int().min(0).max(10_000),
  f: z.number().int().min(-1).max(1_000).default(-1),
});

export const QUESTION_ACTIONS = ['open', 'close', 'reopen', 'reveal', 'hide', 'reset'] as const;
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

export type PresenterAck = Ack<{ view: PresenterView }>;

export interface ClientToServerEvents {
  /** Presenter: move the talk to a slide (and fragment step). */
  'slide:go': (cursor: z.input<typeof slideGoSchema>, ack: (reply: Ack<{ cursor: SlideCursor }>) => void) => void;
  /** Presenter: open / close / reopen / reveal / hide / reset a question. */
  'question:control': (
    command: z.input<typeof questionControlSchema>,
    ack: (reply: Ack<{ question: QuestionState }>) => void,
  ) => void;
  /** Audience: answer (or change the answer to) the open question. */
  'answer:submit': (answer: AnswerSubmit, ack: (reply: Ack<{ answer: OwnAnswer; duplicate: boolean }>) => void) => void;
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
  /** How many phones are connected. */
  participants: (count: number) => void;
  /** The server is going away (shutdown); clients reconnect on their own. */
  'server:closing': (reason: string) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

export interface SocketData {
  role: 'presenter' | 'display' | 'audience';
  participantId?: string;
  sessionId: string;
}

/** All presenter-only events: a display or phone sending one gets `forbidden`. */
export const PRESENTER_EVENTS = ['slide:go', 'question:control'] as const;

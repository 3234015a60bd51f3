import type { ErrorCode } from '../protocol/errors.ts';
import type { ClientToServerEvents, Handshake } from '../protocol/events.ts';
import type { AudienceView, QuestionState, Results } from '../protocol/session.ts';
import { connectLive, type LiveSocket } from '../protocol/live-socket.ts';
import type { PendingAnswer, SendResult } from './answer-queue.ts';

export type AudienceHandshake = Extract<Handshake, { role: 'audience' }>;

/**
 * connecting: before the first connection. online: connected. offline: the phone has no
 * network. reconnecting: the network is there but the server is not (restart, wifi hiccup).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'reconnecting';

export interface ConnectionEvents {
  view(view: AudienceView): void;
  results(results: Results, question: QuestionState): void;
  status(status: ConnectionStatus): void;
  /** Connected (again): the server sends the whole state; answers waiting can go. */
  connected(): void;
  /** The connection dropped: answers in flight will get no reply. */
  lost(): void;
  /**
   * The server turned the phone away (unknown code, talk ended). Socket.IO does not retry
   * these. The phone says why in its language, from the code (the server's message is English).
   */
  refused(code: ErrorCode): void;
}

/** How long an answer waits for its acknowledgement before it is sent again. */
const ACK_TIMEOUT_MS = 10_000;

type RefusalError = Error & { data?: { code?: ErrorCode; message?: string } };

/** What a phone asks of the server, each acknowledged. */
type PhoneEvent = 'answer:submit' | 'participant:nickname' | 'reaction:send' | 'qa:upvote';
type PayloadOf<E extends PhoneEvent> = Parameters<ClientToServerEvents[E]>[0];
/** The server's reply, or no_reply: timed out or the connection dropped (worth trying again). */
export type ReplyOf<E extends PhoneEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] | { ok: false; code: 'no_reply'; message: string };

/**
 * The phone's one Socket.IO connection. Socket.IO reconnects on its own (with backoff and
 * jitter, so a restarted server is not stampeded); this controller turns its events into
 * the few states a person needs to see.
 */
export class Connection {
  private readonly socket: LiveSocket;
  private status: ConnectionStatus = 'connecting';
  private readonly updateNetwork = () => this.networkChanged();

  constructor(
    private auth: AudienceHandshake,
    private readonly events: ConnectionEvents,
  ) {
    this.socket = connectLive(auth);
    const socket = this.socket;

    socket.on('connect', () => {
      this.setStatus('online');
      events.connected();
    });
    socket.on('disconnect', (reason) => {
      events.lost();
      // The phone closing the connection itself (the talk refused it) needs no banner.
      if (reason !== 'io client disconnect') this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
      // The server sent this phone away on purpose; Socket.IO leaves it there. Try again
      // a little later: a talk that ended answers `not_found`, which ends the retries.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 2000);
    });
    socket.on('connect_error', (error: RefusalError) => {
      // Too many phones joining from this network at once: this one joins a few seconds later.
      if (error.data?.code === 'rate_limited') {
        this.setStatus('reconnecting');
        setTimeout(() => socket.connect(), 2000 + Math.random() * 3000);
        return;
      }
      if (error.data?.code) {
        events.refused(error.data.code);
        return;
      }
      if (!navigator.onLine) this.setStatus('offline');
      else if (this.status !== 'connecting') this.setStatus('reconnecting');
    });
    socket.on('state', (view) => {
      if (view.role === 'audience') events.view(view);
    });
    socket.on('results', (results, question) => events.results(results, question));
    socket.on('server:closing', () => this.setStatus('reconnecting'));

    window.addEventListener('online', this.updateNetwork);
    window.addEventListener('offline', this.updateNetwork);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  async request<E extends PhoneEvent>(event: E, payload: PayloadOf<E>): Promise<ReplyOf<E>> {
    // Socket.IO's typings cannot follow a generic event name: the method is the same, its types spelled out.
    const socket = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: E, payload: PayloadOf<E>): Promise<ReplyOf<E>> };
    try {
      return await socket.emitWithAck(event, payload);
    } catch {
      return { ok: false, code: 'no_reply', message: 'no reply from the server' };
    }
  }

  submit({ questionId, answerId, value }: PendingAnswer): Promise<SendResult> {
    return this.request('answer:submit', { questionId, answerId, value });
  }

  /** Asks for the whole view again (after a refusal that says the phone's picture is out of date). */
  sync(): void {
    this.socket.emit('state:sync', (reply) => {
      if (reply.ok && reply.view.role === 'audience') this.events.view(reply.view);
    });
  }

  /** The server keeps the nickname (participant:nickname); the handshake carries it too for later connections. */
  setNickname(nickname: string): void {
    const { nickname: _previous, ...rest } = this.auth;
    this.auth = nickname ? { ...rest, nickname } : rest;
    this.socket.auth = this.auth;
  }

  close(): void {
    window.removeEventListener('online', this.updateNetwork);
    window.removeEventListener('offline', this.updateNetwork);
    this.socket.close();
  }

  private networkChanged(): void {
    if (!navigator.onLine) this.setStatus('offline');
    else if (!this.socket.connected) this.setStatus('reconnecting');
    else this.setStatus('online');
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.events.status(status);
  }
}

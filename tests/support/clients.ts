import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Handshake, ServerToClientEvents } from '../../protocol/events.ts';
import type { RoleView } from '../../protocol/session.ts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io-client connection; resolves with the first `state` the server sends. An event
 * sent right behind that `state` may be gone by the time the caller listens: see `connectWatching`.
 */
export function connectClient(url: string, auth: Handshake): Promise<{ socket: TestSocket; view: RoleView }> {
  return openSocket(url, auth);
}

/** A socket as the tests open them (WebSocket only, no reconnection, never shared). */
function newSocket(url: string, auth: unknown): TestSocket {
  return io(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Opens a socket and resolves with the first `state`; `beforeFirstPacket` sets up listeners before anything can arrive. */
async function openSocket(url: string, auth: Handshake, beforeFirstPacket?: (socket: TestSocket) => void): Promise<{ socket: TestSocket; view: RoleView }> {
  const socket = newSocket(url, auth);
  beforeFirstPacket?.(socket);
  const view = await new Promise<RoleView>((resolve, reject) => {
    socket.once('state', resolve);
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return { socket, view };
}

/** A connected socket that remembers every event it received, from its first packet on. */
export interface WatchedSocket {
  socket: TestSocket;
  /** The first event of that kind, since the connection opened, that satisfies the check: one already received, or the next. */
  seen<E extends keyof ServerToClientEvents>(
    event: E,
    check: (...args: Parameters<ServerToClientEvents[E]>) => boolean,
    timeoutMs?: number,
  ): Promise<Parameters<ServerToClientEvents[E]>>;
}

/**
 * Connects like `connectClient`, recording every event from the start. Waiting for a change that
 * another client causes needs this: two packets read from the wire in one chunk are delivered in
 * the same turn (ws emits its messages synchronously), so a listener added once `connectClient`
 * has resolved misses an event that came right behind the first `state`.
 */
export async function connectWatching(url: string, auth: Handshake): Promise<WatchedSocket> {
  const received: Array<{ event: string; args: unknown[] }> = [];
  const { socket } = await openSocket(url, auth, (opening) => opening.onAny((event: string, ...args: unknown[]) => received.push({ event, args })));
  return {
    socket,
    seen(event, check, timeoutMs = 5000) {
      const earlier = received.find((entry) => entry.event === event && (check as (...args: unknown[]) => boolean)(...entry.args));
      if (earlier) return Promise.resolve(earlier.args as Parameters<ServerToClientEvents[typeof event]>);
      return nextEvent(socket, event, check, timeoutMs);
    },
  };
}

/** The error a refused handshake gets: its code and message. */
export async function refusedHandshake(url: string, auth: unknown): Promise<{ code?: string; message: string }> {
  const socket = newSocket(url, auth);
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
        resolve({ code: error.data?.code, message: error.message }),
      );
    });
  } finally {
    socket.close();
  }
}

/** Waits for the next event of a kind that satisfies the check. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  check: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no matching "${String(event)}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!check(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args);
    };
    socket.on(event, listener as never);
  });
}

let counter = 0;
/** A fresh client-made id, as a phone would make one. */
export function makeId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Handshake, ServerToClientEvents } from './events.ts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The pages' end of the wire (projector, console and phone alike; the server never imports
 * it). Opens the typed Socket.IO connection to the server that served the page.
 * WebSocket first, long-polling as the fallback for networks that block it.
 */
export function connectLive(auth: Handshake): LiveSocket {
  return io({
    auth,
    transports: ['websocket', 'polling'],
    // Without this engine.io retries only the first transport, so a blocked WebSocket never falls back.
    tryAllTransports: true,
    // Long-polling runs on fetch() (slides/vite/slim-socket-client.ts), which sends cookies only when
    // asked: the load balancer's sticky-session cookie (docs/scale-out.md) and the presenter's.
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  });
}

import type { LiveSocket } from './broadcast.ts';

/**
 * Puts a gate in front of Socket.IO's decoder for one connection: while `shouldDrop` says
 * so (a phone far over its budget), its frames are dropped as they arrive, before any
 * JSON is parsed, so a flood costs the server little more than reading the socket.
 * Socket.IO's client feeds the decoder from the Engine.IO connection's "data" event;
 * where that is not so, the guard after decoding still refuses every frame.
 */
export function gateFrames(socket: LiveSocket, shouldDrop: () => boolean): void {
  const client = socket.client as unknown as { ondata?: (data: unknown) => void };
  const decode = client.ondata;
  if (typeof decode !== 'function' || !socket.conn.listeners('data').includes(decode)) return;
  socket.conn.off('data', decode);
  socket.conn.on('data', (data: unknown) => {
    if (!shouldDrop()) decode(data);
  });
}

import { connectLive, type LiveSocket } from '../../protocol/live-socket.ts';

type ConnectError = Error & { data?: { code?: string; message?: string } };

/**
 * Connects as the presenter when this page drives (the browser's cookie is the proof,
 * no key on the page), otherwise as a display. If the server refuses the presenter (its
 * key changed since the page loaded), the page carries on as a plain display.
 */
export function connectProjector(drives: boolean, wire: (socket: LiveSocket, drives: boolean) => void): void {
  const socket = connectLive(drives ? { role: 'presenter' } : { role: 'display' });
  document.body.dataset.live = drives ? 'drive' : 'display';
  socket.on('connect', () => delete document.body.dataset.liveError);
  socket.on('connect_error', (error: ConnectError) => {
    document.body.dataset.liveError = error.data?.code ?? error.message;
    if (drives && error.data?.code === 'forbidden') {
      socket.close();
      connectProjector(false, wire);
    }
  });
  wire(socket, drives);
}

/**
 * The baseline: a bare Socket.IO server on the same port setup that accepts any phone and
 * only acknowledges each answer. handsup's throughput is reported as a ratio of this.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('answer:submit', (_answer: unknown, ack: (reply: { ok: true }) => void) => ack({ ok: true }));
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`Projector: http://127.0.0.1:${address.port}/`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWatching } from '../support/clients.ts';

/**
 * The test clients' own contract: a server that sends two `state`s in one go (they usually reach
 * the client in one chunk, and ws delivers both in the same turn, so a listener added once
 * connectClient has resolved misses the second) never loses one to connectWatching. The cluster
 * tests wait for a node's change this way; CI once timed out on the lost event.
 */
describe('waiting for an event sent right behind the first state', () => {
  const http = createServer();
  const io = new Server(http);
  let url = '';
  beforeAll(async () => {
    io.on('connection', (socket) => {
      socket.emit('state', { step: 1 });
      socket.emit('state', { step: 2 });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  const isStep = (step: number) => (view: unknown) => (view as { step: number }).step === step;

  it('is seen by connectWatching, and so is a later one', async () => {
    const { socket, seen } = await connectWatching(url, { role: 'display' });
    try {
      const [second] = await seen('state', isStep(2), 1000);
      expect(second).toEqual({ step: 2 });
      const third = seen('state', isStep(3), 1000);
      io.emit('state', { step: 3 } as never);
      expect((await third)[0]).toEqual({ step: 3 });
    } finally {
      socket.close();
    }
  });
});

import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { JsonOnlyEncoder } from '../../server/live/json-packets.ts';

describe('the JSON-only packet encoder', () => {
  it('writes every packet the server sends exactly as Socket.IO’s own encoder does', () => {
    const packets: Packet[] = [
      { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc123' } },
      { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'refused', data: { code: 'forbidden' } } },
      { type: PacketType.DISCONNECT, nsp: '/' },
      { type: PacketType.EVENT, nsp: '/', data: ['state', { role: 'audience', slide: { h: 3, v: 0 }, text: 'quotes " and \\ and ünïcode', nothing: null }] },
      { type: PacketType.EVENT, nsp: '/admin', data: ['results', { counts: [1, 2, 3] }, { status: 'open' }] },
      { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true, answer: { questionId: 'q', answerId: 'a-1', value: { options: [2] }, answeredAt: 1 }, duplicate: false }] },
      { type: PacketType.ACK, nsp: '/', id: 4711, data: [{ ok: false, code: 'closed', message: 'this question is closed' }] },
      { type: PacketType.EVENT, nsp: '/', id: 12, data: ['server:closing', 'the talk is over'] },
    ];
    const socketIo = new Encoder();
    const ours = new JsonOnlyEncoder();
    for (const packet of packets) expect(ours.encode(packet), JSON.stringify(packet)).toEqual(socketIo.encode(packet));
  });
});

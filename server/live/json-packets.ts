import * as socketIoParser from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';

/**
 * Writes packets as Socket.IO's own encoder does for packets without binary data: the type,
 * the namespace when it is not `/`, the acknowledgement id, then the data as JSON.
 *
 * The server never sends binary data: every event and acknowledgement it sends is a JSON
 * shape of protocol/events.ts. The default encoder first searches each packet for Buffers,
 * a recursive walk that allocates as it goes, for every acknowledgement and every phone's
 * view: 8 of the 145 MB a burst of ten thousand answers allocated. Same output, without
 * the search.
 */
export class JsonOnlyEncoder {
  encode(packet: Packet): string[] {
    let encoded = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') encoded += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) encoded += String(packet.id);
    if (packet.data !== undefined && packet.data !== null) encoded += JSON.stringify(packet.data);
    return [encoded];
  }
}

/**
 * Socket.IO's parser with the JSON-only encoder (the `parser` option of its Server). What
 * clients send is still read by the default decoder, binary attachments included: the guard
 * decides what to do with any packet, whatever it carries.
 */
export const jsonOnlyParser = { ...socketIoParser, Encoder: JsonOnlyEncoder };

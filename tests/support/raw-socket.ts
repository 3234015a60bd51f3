import WebSocket from 'ws';

/**
 * A Socket.IO client spoken by hand over a real WebSocket: Engine.IO v4 text frames
 * ("4" message + Socket.IO packet), so a test can send frames socket.io-client never
 * would (an acknowledgement id on a malformed argument list, deep nesting).
 */
export class RawSocket {
  private readonly frames: string[] = [];
  private readonly waiters: { match: (frame: string) => boolean; resolve: (frame: string) => void }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = data.toString();
      // Engine.IO ping: answer it, or the server drops the connection.
      if (frame === '2') return ws.send('3');
      const waiter = this.waiters.findIndex((w) => w.match(frame));
      if (waiter >= 0) this.waiters.splice(waiter, 1)[0]!.resolve(frame);
      else this.frames.push(frame);
    });
  }

  /** Opens the WebSocket and joins the default namespace with `auth`. */
  static async connect(url: string, auth: object): Promise<RawSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await socket.next((frame) => frame.startsWith('0{'));
    socket.send(`40${JSON.stringify(auth)}`);
    const connected = await socket.next((frame) => frame.startsWith('40') || frame.startsWith('44'));
    if (connected.startsWith('44')) throw new Error(`handshake refused: ${connected}`);
    return socket;
  }

  /** Sends one Engine.IO frame as it is: `421["event",{…}]` is message (4), event (2), acknowledgement id 1. */
  send(frame: string): void {
    this.ws.send(frame);
  }

  /** The next frame that matches, already received or still to come. */
  next(match: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
    const index = this.frames.findIndex(match);
    if (index >= 0) return Promise.resolve(this.frames.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (frame) => (clearTimeout(timer), resolve(frame)) });
    });
  }

  /** The reply to acknowledgement id `id`: its first argument, parsed. */
  async ack(id: number): Promise<{ ok: boolean; code?: string; message?: string }> {
    const frame = await this.next((f) => f.startsWith(`43${id}[`));
    return (JSON.parse(frame.slice(`43${id}`.length)) as [{ ok: boolean; code?: string; message?: string }])[0];
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }
}

/** `[[[…0…]]]`: an array nested `depth` deep, as JSON text, without building it (or recursing). */
export function deepArrayJson(depth: number): string {
  return `${'['.repeat(depth)}0${']'.repeat(depth)}`;
}

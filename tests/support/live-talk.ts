import type { QuestionAction } from '../../protocol/events.ts';
import type { AudienceView, DisplayView, PresenterView } from '../../protocol/session.ts';
import { connectClient, makeId, type TestSocket } from './clients.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from './server-process.ts';

type Reply = { ok: boolean; code?: string; message?: string } & Record<string, unknown>;
export type Emit = (event: string, ...args: unknown[]) => Promise<Reply>;

/** Sends any event, typed or not (for bad payloads and forbidden events). */
export const send = (socket: TestSocket): Emit => (event, ...args) =>
  (socket.timeout(5000) as unknown as { emitWithAck: Emit }).emitWithAck(event, ...args);

/** A running server with a presenter connected, and helpers to add phones and displays. */
export class LiveTalk {
  readonly sockets: TestSocket[] = [];
  joinCode = '';
  presenter!: TestSocket;

  private constructor(public server: ServerProcess) {}

  static async start(deck: string, dataDir?: string): Promise<LiveTalk> {
    const talk = new LiveTalk(await startServer({ deck, ...(dataDir ? { dataDir } : {}) }));
    await talk.connectPresenter();
    return talk;
  }

  /** Starts the server again on the same data folder (after stop or kill). */
  async restart(deck: string): Promise<void> {
    this.server = await startServer({ deck, dataDir: this.server.dataDir });
    await this.connectPresenter();
  }

  private async connectPresenter(): Promise<void> {
    this.joinCode = (await (await fetch(`${this.server.url}/healthz`)).json()).joinCode;
    const { socket } = await connectClient(this.server.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    this.presenter = socket;
    this.sockets.push(socket);
  }

  async phone(participantId = makeId('phone')): Promise<{ socket: TestSocket; view: AudienceView; participantId: string }> {
    const { socket, view } = await connectClient(this.server.url, { role: 'audience', joinCode: this.joinCode, participantId });
    this.sockets.push(socket);
    return { socket, view: view as AudienceView, participantId };
  }

  async display(): Promise<{ socket: TestSocket; view: DisplayView }> {
    const { socket, view } = await connectClient(this.server.url, { role: 'display' });
    this.sockets.push(socket);
    return { socket, view: view as DisplayView };
  }

  async goTo(position: { h: number; v: number }): Promise<void> {
    const reply = await this.presenter.timeout(5000).emitWithAck('slide:go', { ...position, f: -1 });
    if (!reply.ok) throw new Error(reply.message);
  }

  async control(questionId: string, action: QuestionAction) {
    const reply = await this.presenter.timeout(5000).emitWithAck('question:control', { questionId, action });
    if (!reply.ok) throw new Error(reply.message);
    return reply.question;
  }

  async presenterView(): Promise<PresenterView> {
    const reply = await this.presenter.timeout(5000).emitWithAck('state:sync');
    if (!reply.ok || reply.view.role !== 'presenter') throw new Error('no presenter view');
    return reply.view;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.close();
    await this.server.stop();
  }
}

export async function syncView<V>(socket: TestSocket): Promise<V> {
  const reply = await socket.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok) throw new Error(reply.message);
  return reply.view as V;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

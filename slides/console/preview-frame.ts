import type { SlideCursor } from '../../protocol/session.ts';
import type { LiveData, PreviewLiveMessage, PreviewReadyMessage } from '../shared/preview-messages.ts';

/**
 * One live preview: the real projector page in preview mode (no socket, no keys) in an
 * iframe, moved with reveal.js's postMessage API. Same origin, so the console reaches it
 * directly; the frame says when it is ready, and gets the latest position then.
 */
export class PreviewFrame {
  private readonly iframe: HTMLIFrameElement;
  private ready = false;
  private target: SlideCursor;
  private live: LiveData | undefined;

  constructor(container: HTMLElement, title: string, initial: SlideCursor) {
    this.target = initial;
    this.iframe = document.createElement('iframe');
    this.iframe.title = title;
    this.iframe.tabIndex = -1;
    this.iframe.src = `/?view=preview&at=${initial.h}.${initial.v}.${initial.f}`;
    container.replaceChildren(this.iframe);
    window.addEventListener('message', (event) => {
      if (event.source !== this.iframe.contentWindow || event.origin !== location.origin) return;
      if ((event.data as Partial<PreviewReadyMessage> | null)?.handsup !== 'preview-ready') return;
      this.ready = true;
      this.send();
      this.sendLive();
    });
  }

  /** The question states and results, so the frame's question slides look like the projector's. */
  showLive(live: LiveData): void {
    this.live = live;
    if (this.ready) this.sendLive();
  }

  private sendLive(): void {
    if (!this.live) return;
    const message: PreviewLiveMessage = { handsup: 'live', live: this.live };
    this.iframe.contentWindow?.postMessage(message, location.origin);
  }

  show(cursor: SlideCursor): void {
    this.target = cursor;
    if (this.ready) this.send();
  }

  private send(): void {
    const { h, v, f } = this.target;
    this.iframe.contentWindow?.postMessage(JSON.stringify({ method: 'slide', args: [h, v, f] }), location.origin);
  }
}

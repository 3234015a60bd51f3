import type { ConnectionStatus } from './connection.ts';
import { strings } from './strings.ts';

/** The strip at the top that says the phone is offline or reconnecting; hidden otherwise. */
export class StatusBanner {
  constructor(private readonly element: HTMLElement) {}

  show(status: ConnectionStatus): void {
    const text = status === 'offline' ? strings.offlineBanner : status === 'reconnecting' ? strings.reconnectingBanner : '';
    this.element.textContent = text;
    this.element.hidden = text === '';
    this.element.dataset.status = status;
    document.body.dataset.connection = status;
  }
}

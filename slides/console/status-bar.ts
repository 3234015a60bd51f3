import type { PresenterView } from '../../protocol/session.ts';
import type { Connection } from './console-view.ts';
import type { DeckSteps } from './deck-steps.ts';
import { byId } from './dom.ts';
import { strings } from './strings.ts';

/** The top bar: where the talk is, who is in the room, whether the console is connected. */
export class StatusBar {
  constructor(private readonly steps: DeckSteps) {}

  update(view: PresenterView | undefined, connection: Connection): void {
    document.body.dataset.connection = connection;
    byId('connection').textContent = strings.connection[connection];
    if (!view) return;
    byId('talk-title').textContent = view.session.deckTitle;
    const slide = this.steps.slideByIndex(view.slideIndex);
    const number = strings.slideOf(view.slideIndex + 1, this.steps.count);
    byId('slide-number').textContent = number;
    byId('slide-title').textContent = slide?.title ?? '';
    const position = byId('nav-position');
    position.textContent = strings.slidePosition(view.slideIndex + 1, this.steps.count);
    position.setAttribute('aria-label', strings.goToSlideLabel(view.slideIndex + 1, this.steps.count));
    byId('participants').textContent = String(view.participants);
    byId('participants-label').textContent = strings.phonesConnected(view.participants);
    byId('join-code').textContent = view.session.joinCode;
  }

  refused(message: string): void {
    const banner = byId('refused');
    banner.textContent = message;
    banner.hidden = false;
  }
}

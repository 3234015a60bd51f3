import type Reveal from 'reveal.js';
import type { DisplayView, PresenterView } from '../../protocol/session.ts';
import type { LiveSocket } from '../shared/live-socket.ts';

type RevealApi = InstanceType<typeof Reveal>;

/**
 * Keeps the projector on the presenter's slide. A display only follows; a projector
 * opened with the presenter key also drives: its own moves go to the server.
 */
export function followPresenter(
  deck: RevealApi,
  socket: LiveSocket,
  drives: boolean,
  onView: (view: PresenterView | DisplayView) => void,
): void {
  let applyingRemote = false;

  socket.on('state', (view) => {
    if (view.role === 'audience') return;
    onView(view);
    const here = deck.getIndices();
    const { h, v, f } = view.cursor;
    if (here.h === h && here.v === v && (here.f ?? -1) === f) return;
    applyingRemote = true;
    deck.slide(h, v, f);
    applyingRemote = false;
  });

  // A display's own keys move only itself (an unattended screen); the presenter's next move wins.
  if (!drives) return;
  const report = () => {
    if (applyingRemote) return;
    const { h, v, f } = deck.getIndices();
    socket.emit('slide:go', { h, v, f: f ?? -1 }, () => undefined);
  };
  deck.on('slidechanged', report);
  deck.on('fragmentshown', report);
  deck.on('fragmenthidden', report);
  socket.on('connect', report);
}

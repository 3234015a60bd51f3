import type Reveal from 'reveal.js';
import type { DisplayView, PresenterView, SlideCursor } from '../../protocol/session.ts';
import type { LiveSocket } from '../../protocol/live-socket.ts';

type RevealApi = InstanceType<typeof Reveal>;

function here(deck: RevealApi): SlideCursor {
  const { h, v, f } = deck.getIndices();
  return { h, v: v ?? 0, f: f ?? -1 };
}

function sameCursor(a: SlideCursor, b: SlideCursor): boolean {
  return a.h === b.h && a.v === b.v && a.f === b.f;
}

/**
 * Keeps the projector on the presenter's slide. A display only follows; a projector in
 * the presenter's own browser also drives: its own moves go to the server. The server's
 * cursor is the truth: a (re)connecting projector moves to it, it never pushes its own.
 */
export function followPresenter(
  deck: RevealApi,
  socket: LiveSocket,
  drives: boolean,
  onView: (view: PresenterView | DisplayView) => void,
): void {
  let serverCursor: SlideCursor | undefined;

  socket.on('state', (view) => {
    if (view.role === 'audience') return;
    serverCursor = view.cursor;
    onView(view);
    if (sameCursor(here(deck), view.cursor)) return;
    deck.slide(view.cursor.h, view.cursor.v, view.cursor.f);
  });

  // A display's own keys move only itself (an unattended screen); the presenter's next move wins.
  if (!drives) return;
  const report = () => {
    const cursor = here(deck);
    // Moving to the server's cursor fires the same events: that is not a move of ours.
    if (serverCursor && sameCursor(serverCursor, cursor)) return;
    socket.emit('slide:go', cursor, () => undefined);
  };
  deck.on('slidechanged', report);
  deck.on('fragmentshown', report);
  deck.on('fragmenthidden', report);
}

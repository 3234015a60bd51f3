import Reveal from 'reveal.js';
import RevealHighlight from 'reveal.js/plugin/highlight';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import 'reveal.js/plugin/highlight/monokai.css';
import './projector.css';
import { connectLive } from '../shared/live-socket.ts';
import { followPresenter } from './follow-presenter.ts';
import { fillJoinSlides } from './join-slide.ts';
import { loadDeck } from './load-deck.ts';
import { renderDeck } from './render-deck.ts';
import { showDeckProblems } from './show-problems.ts';

/** A key in the address (`/?key=…`) makes this projector drive the talk; it is then removed from the address bar. */
function takePresenterKey(): string | undefined {
  const url = new URL(location.href);
  const key = url.searchParams.get('key') ?? undefined;
  if (key) {
    url.searchParams.delete('key');
    history.replaceState(null, '', url);
  }
  return key;
}

async function startProjector(): Promise<void> {
  const key = takePresenterKey();
  const loaded = await loadDeck();
  if (!loaded.ok) {
    showDeckProblems(loaded.message, loaded.problems);
    return;
  }
  const slidesContainer = document.querySelector<HTMLElement>('.reveal .slides');
  if (!slidesContainer) throw new Error('projector page is missing .reveal .slides');
  renderDeck(loaded.deck, slidesContainer);
  const printing = /print-pdf/.test(location.search);
  if (!printing) await fillJoinSlides(slidesContainer);

  const deck = new Reveal({
    hash: true,
    slideNumber: 'c/t',
    center: true,
    // Notes live only in the presenter console; the projector never has them.
    showNotes: false,
    plugins: [RevealHighlight],
  });
  await deck.initialize();
  // reveal.js's usual global: the console, the PDF export and the tests drive the deck through it.
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  document.body.dataset.deckReady = 'true';

  if (!printing) {
    const socket = connectLive(key ? { role: 'presenter', key } : { role: 'display' });
    followPresenter(deck, socket, key !== undefined, (view) => {
      document.body.dataset.participants = String(view.participants);
    });
    socket.on('connect_error', (error) => {
      document.body.dataset.liveError = String((error as Error & { data?: { code?: string } }).data?.code ?? error.message);
    });
  }
}

void startProjector();

import Reveal, { type RevealConfig } from 'reveal.js';
import type { RevealDisplayOptions } from '../../protocol/deck.ts';
import 'reveal.js/reveal.css';
import '../shared/results/results.css';
import './projector.css';
import { loadDeck } from '../shared/load-deck.ts';
import { followPresenter } from './follow-presenter.ts';
import { loadJoinInfo } from './join-info.ts';
import { fillJoinSlides, showJoinCount } from './join-slide.ts';
import { LiveQuestions } from './live-questions.ts';
import { followConsole } from './preview-link.ts';
import { projectorMode, previewStart, type ProjectorMode } from './page-mode.ts';
import { ReactionFloat } from './reaction-float.ts';
import { preparePrint } from './print-results.ts';
import { connectProjector } from './projector-socket.ts';
import { renderDeck } from './render-deck.ts';
import { showDeckProblems } from './show-problems.ts';
import { codePlugins, hasCode, loadThemes } from './themes.ts';

function revealConfig(mode: ProjectorMode, deckOptions: RevealDisplayOptions, plugins: RevealConfig['plugins']): RevealConfig {
  const common: RevealConfig = {
    center: true,
    // The deck's own revealOptions (reveal-md front matter; the compiler passes only those that fit).
    ...(deckOptions as RevealConfig),
    // Notes live only in the presenter console; the projector never has them.
    showNotes: false,
    // reveal.js turns a narrow window into a scrolling page; this page follows the presenter's
    // slide instead, and the console's preview frames are narrow by design.
    scrollActivationWidth: 0,
    // The talk's order is the reading order, vertical stacks included: → on the projector walks
    // it exactly as the console's keys and NEXT preview do (console/deck-steps.ts).
    navigationMode: 'linear',
    plugins,
  };
  if (mode !== 'preview') return { slideNumber: 'c/t', ...common, hash: true };
  // A still picture of one slide, moved only by the console (reveal.js's postMessage API).
  return {
    ...common,
    hash: false,
    controls: false,
    progress: false,
    slideNumber: false,
    keyboard: false,
    touch: false,
    overview: false,
    help: false,
    transition: 'none',
    backgroundTransition: 'none',
    postMessage: true,
  };
}

async function startProjector(): Promise<void> {
  const mode = projectorMode(location, document);
  document.body.dataset.mode = mode;
  const [loaded, join] = await Promise.all([loadDeck(), mode === 'print' ? undefined : loadJoinInfo()]);
  if (!loaded.ok) {
    showDeckProblems(loaded.message, loaded.problems);
    return;
  }
  const slidesContainer = document.querySelector<HTMLElement>('.reveal .slides');
  if (!slidesContainer) throw new Error('projector page is missing .reveal .slides');
  renderDeck(loaded.deck, slidesContainer);
  const [plugins] = await Promise.all([codePlugins(slidesContainer, loaded.deck.display), loadThemes(loaded.deck.display, hasCode(slidesContainer))]);
  if (join) fillJoinSlides(slidesContainer, join);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // A preview is a small still picture: its bars do not need to grow.
  const animate = mode !== 'preview' && !reducedMotion;
  let deck: InstanceType<typeof Reveal> | undefined;
  const relayout = () => deck?.isReady() && deck.layout();
  const questions = mode === 'print' ? undefined : new LiveQuestions(slidesContainer, loaded.deck, join, animate, relayout);

  // Print view (the PDF export): the final results drawn in, before reveal.js lays out the pages.
  const printConfig = mode === 'print' ? await preparePrint(slidesContainer, loaded.deck) : {};
  deck = new Reveal({ ...revealConfig(mode, loaded.deck.display.reveal, plugins), ...printConfig });
  await deck.initialize();
  void document.fonts.ready.then(() => questions?.refit());
  // reveal.js's usual global: the console, the PDF export and the tests drive the deck through it.
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;

  if (mode === 'preview' && questions) {
    const start = previewStart(location);
    deck.slide(start.h, start.v, start.f);
    followConsole(questions);
  }
  document.body.dataset.deckReady = 'true';
  if (mode === 'print' || mode === 'preview' || !questions) return;

  deck.on('slidechanged', (event) => questions.slideShown((event as unknown as { currentSlide: HTMLElement }).currentSlide));
  const reactions = new ReactionFloat(reducedMotion);
  const phonesJoined = (count: number) => {
    document.body.dataset.participants = String(count);
    showJoinCount(slidesContainer, count);
  };
  connectProjector(mode === 'drive', (socket, drives) => {
    followPresenter(deck, socket, drives, (view) => {
      phonesJoined(view.participants);
      reactions.showSlide(view.slideIndex);
      questions.applyView(view);
    });
    socket.on('reactions', (burst) => reactions.burst(burst));
    socket.on('results', (results, state) => questions.applyResults(results, state));
    socket.on('question', (state) => questions.applyState(state));
    socket.on('participants', phonesJoined);
  });
}

void startProjector();

import '../shared/results/results.css';
import './console.css';
import type { Ack } from '../../protocol/errors.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import type { SlideCursor } from '../../protocol/session.ts';
import { connectLive } from '../../protocol/live-socket.ts';
import { lastScoredQuestion } from '../shared/last-scored.ts';
import { loadDeck } from '../shared/load-deck.ts';
import { ConsoleView } from './console-view.ts';
import { DeckSteps } from './deck-steps.ts';
import type { EntryActions } from './entry-actions.ts';
import { Downloads } from './downloads.ts';
import { byId } from './dom.ts';
import { Navigator } from './navigator.ts';
import { NotesPanel } from './notes-panel.ts';
import { showNotice } from './notice.ts';
import { QuestionPanel } from './question-panel.ts';
import { ReactionsPanel } from './reactions-panel.ts';
import { SlideJump } from './slide-jump.ts';
import { SlidePreviews } from './slide-previews.ts';
import { StatusBar } from './status-bar.ts';
import { showStorage } from './storage-banner.ts';
import { TalkTimer } from './talk-timer.ts';
import { strings } from './strings.ts';

type ConnectError = Error & { data?: { code?: string; message?: string } };

/**
 * The presenter console. The page was served only because this browser holds the
 * presenter's HTTP-only cookie; the socket proves itself with the same cookie, so the
 * key is never on the page. Everything shown comes from the server's presenter view.
 */
async function startConsole(): Promise<void> {
  const loaded = await loadDeck();
  if (!loaded.ok) {
    byId('refused').textContent = loaded.message;
    byId('refused').hidden = false;
    return;
  }
  const steps = new DeckSteps(loaded.deck.slides);
  const talk = new ConsoleView();
  const socket = connectLive({ role: 'presenter' });

  const sendMove = async (cursor: SlideCursor) => {
    const reply = await socket.timeout(5000).emitWithAck('slide:go', cursor).catch(() => undefined);
    if (!reply) showNotice(strings.noAnswerToMove);
    else if (!reply.ok) showNotice(strings.refusedMove(reply.message));
  };
  const sendControl = async (questionId: string, action: QuestionAction) => {
    const reply = await socket.timeout(5000).emitWithAck('question:control', { questionId, action }).catch(() => undefined);
    if (!reply) showNotice(strings.noAnswer(action));
    else if (!reply.ok) showNotice(strings.refused(action, reply.message));
  };

  /** A refused or unanswered command is said in the notice. */
  const report = (reply: Ack<object> | undefined, what: string) => {
    if (!reply) showNotice(strings.noAnswer(what));
    else if (!reply.ok) showNotice(strings.refused(what, reply.message));
  };
  const actions: EntryActions = {
    moderate: async (questionId, entryId, status) =>
      report(
        await socket.timeout(5000).emitWithAck('moderation:set', { questionId, entryId, status }).catch(() => undefined),
        status === 'approved' ? 'approve' : 'hide',
      ),
    markQa: async (questionId, entryId, mark) =>
      report(await socket.timeout(5000).emitWithAck('qa:mark', { questionId, entryId, ...mark }).catch(() => undefined), 'mark the question'),
  };
  const lastQuiz = lastScoredQuestion(loaded.deck.questions)?.id;

  const statusBar = new StatusBar(steps);
  const previews = new SlidePreviews(steps);
  const notes = new NotesPanel();
  const questionPanel = new QuestionPanel(sendControl, { actions, clock: talk.clock, lastQuiz, control: sendControl });
  const reactions = new ReactionsPanel(steps);
  new Downloads();
  const navigator = new Navigator(steps, sendMove);
  const jump = new SlideJump(steps, (cursor) => navigator.goTo(cursor));
  const timer = new TalkTimer();

  talk.onChange(() => {
    const { view } = talk;
    statusBar.update(view, talk.connection);
    if (!view) return;
    navigator.follow(view.cursor);
    jump.follow(view.slideIndex);
    previews.showLive({ questions: view.questions, results: view.results, quiz: view.quiz, serverTime: talk.clock.now() });
    previews.show(view.cursor);
    notes.update(view.slideIndex, view.notes);
    questionPanel.update(view);
    reactions.update(view);
    timer.useSession(view.session.id, view.slideIndex > 0);
  });

  socket.on('connect', () => talk.setConnection('live'));
  socket.on('disconnect', () => talk.setConnection('reconnecting'));
  socket.on('connect_error', (error: ConnectError) => {
    if (error.data?.code === 'forbidden') {
      talk.setConnection('refused');
      statusBar.refused(strings.signedOut);
    } else {
      talk.setConnection('reconnecting');
    }
  });
  socket.on('state', (view) => {
    if (view.role === 'presenter') talk.setView(view);
  });
  socket.on('results', (results, state) => talk.applyResults(results, state));
  socket.on('participants', (count) => talk.applyParticipants(count));
  socket.on('reactions', (burst) => talk.applyReactions(burst));
  socket.on('storage', showStorage);
  document.body.dataset.consoleReady = 'true';
}

void startConsole();

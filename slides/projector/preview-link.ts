import type { PreviewLiveMessage, PreviewReadyMessage } from '../shared/preview-messages.ts';
import type { LiveQuestions } from './live-questions.ts';

/**
 * A preview has no socket of its own: the console that embeds it forwards the question
 * states and results, so the "Now" frame shows what the projector shows. Only the
 * embedding page (same origin) is listened to.
 */
export function followConsole(questions: LiveQuestions): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== location.origin) return;
    const message = event.data as Partial<PreviewLiveMessage> | null;
    if (message?.handsup === 'live' && message.live) questions.applyView(message.live);
  });
  const ready: PreviewReadyMessage = { handsup: 'preview-ready' };
  window.parent.postMessage(ready, location.origin);
}

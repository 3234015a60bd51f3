import type { DisplayView } from '../../protocol/session.ts';

/**
 * What the console and the projector pages it embeds as previews say to each other
 * (window.postMessage, same origin): both sides import it from here.
 */

/** What the question slides need of a view: question states, the results there are, the quiz standings, the server's clock. */
export type LiveData = Pick<DisplayView, 'questions' | 'results'> & Partial<Pick<DisplayView, 'quiz' | 'serverTime'>>;

/** Console -> preview, besides reveal.js's own `slide` calls: the live data to show. */
export interface PreviewLiveMessage {
  handsup: 'live';
  live: LiveData;
}

/** Preview -> console: the preview has loaded and listens. */
export interface PreviewReadyMessage {
  handsup: 'preview-ready';
}

/**
 * What this projector page is for, from its address and from the server:
 * - print: `?print-pdf` (the PDF export) — no socket, no animation;
 * - preview: `?view=preview` (the console's current/next slide frames) — no socket, no keys,
 *   moved by the console through reveal.js's postMessage API;
 * - drive: the server marked the page because this browser holds the presenter's cookie;
 * - display: everything else — follows the presenter and never sends a move.
 */
export type ProjectorMode = 'print' | 'preview' | 'drive' | 'display';

export function projectorMode(location: Location, document: Document): ProjectorMode {
  const params = new URLSearchParams(location.search);
  if (params.has('print-pdf')) return 'print';
  if (params.get('view') === 'preview') return 'preview';
  if (document.querySelector('meta[name="handsup-drive"]')) return 'drive';
  return 'display';
}

/** The slide a preview starts on: `?at=h.v.f`. */
export function previewStart(location: Location): { h: number; v: number; f: number } {
  const [h = 0, v = 0, f = -1] = (new URLSearchParams(location.search).get('at') ?? '')
    .split('.')
    .map((part) => Number.parseInt(part, 10))
    .map((value, index) => (Number.isFinite(value) ? value : index === 2 ? -1 : 0));
  return { h, v, f };
}

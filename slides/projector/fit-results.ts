/** reveal.js's slide height in its own coordinates (its default; handsup decks keep it). */
export const SLIDE_HEIGHT = 700;
const SCALES = [1, 0.9, 0.8, 0.7];

/**
 * Keeps a question slide inside the slide: results that would run past its bottom are
 * set smaller, step by step, and only then cut with a fade (long text lists). Slides
 * reveal.js has not laid out (display: none) are fitted when they come on screen.
 */
export function fitResults(section: HTMLElement, results: HTMLElement): void {
  results.style.removeProperty('--handsup-fit');
  results.style.maxHeight = '';
  results.classList.remove('is-clipped');
  if (results.hidden || section.offsetHeight === 0) return;
  for (const scale of SCALES) {
    results.style.setProperty('--handsup-fit', String(scale));
    if (section.scrollHeight <= SLIDE_HEIGHT) return;
  }
  const overflow = section.scrollHeight - SLIDE_HEIGHT;
  results.style.maxHeight = `${Math.max(100, results.offsetHeight - overflow)}px`;
  results.classList.add('is-clipped');
}

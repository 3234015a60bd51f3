import type { WordTally } from '../../../protocol/session.ts';
import { element, moreLine } from './dom.ts';
import type { ResultsRenderer } from './types.ts';
import { CLOUD_HEIGHT, CLOUD_WIDTH, layoutCloud, type CloudPlaces, type MeasureText } from './word-cloud-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** More words than this make a cloud nobody can read from the back; the legend counts them all. */
const IN_CLOUD = 60;
const IN_LEGEND = 12;
const COLOURS = 5;

/** The layout a body was last drawn with, to redraw when the web fonts arrive (their shapes differ). */
const drawn = new WeakMap<HTMLElement, { words: WordTally[]; animate: boolean; record: boolean }>();

function colourOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % COLOURS;
}

/** The whole area always: a cloud whose frame followed its words would seem to move them all. */
const VIEW_BOX = `${-CLOUD_WIDTH / 2} ${-CLOUD_HEIGHT / 2} ${CLOUD_WIDTH} ${CLOUD_HEIGHT}`;

let canvas: CanvasRenderingContext2D | null | undefined;

/** Measures words in the page's own font (bold, as drawn), on one shared canvas. */
function measurer(fontFamily: string): MeasureText {
  canvas ??= document.createElement('canvas').getContext('2d');
  return (text, size) => {
    if (!canvas) return text.length * size * 0.6;
    canvas.font = `700 ${size}px ${fontFamily}`;
    return canvas.measureText(text).width;
  };
}

/** Where the words of this picture are now: the places they keep in the next layout. */
function placesOf(svg: SVGSVGElement): CloudPlaces {
  const places = new Map<string, { x: number; y: number; size: number }>();
  for (const node of svg.querySelectorAll<SVGTextElement>('text')) {
    places.set(node.dataset.id ?? '', { x: Number(node.dataset.x), y: Number(node.dataset.y), size: Number(node.dataset.size) });
  }
  return places;
}

function drawCloud(svg: SVGSVGElement, words: readonly WordTally[], fontFamily: string): void {
  const input = words.slice(0, IN_CLOUD).map(({ id, word, count }) => ({ id, text: word, count }));
  // Results arrive several times a second; the layout is redone only when the words or counts changed.
  const signature = JSON.stringify([fontFamily, document.fonts.status, input]);
  if (svg.dataset.signature === signature) return;
  svg.dataset.signature = signature;
  svg.setAttribute('viewBox', VIEW_BOX);
  const layout = layoutCloud(input, measurer(fontFamily), placesOf(svg));
  const existing = new Map([...svg.querySelectorAll<SVGTextElement>('text')].map((node) => [node.dataset.id ?? '', node]));
  const kept = new Set<string>();
  for (const word of layout) {
    let node = existing.get(word.id);
    if (!node) {
      node = document.createElementNS(SVG, 'text');
      node.dataset.id = word.id;
      node.setAttribute('text-anchor', 'middle');
      node.setAttribute('dominant-baseline', 'central');
      node.setAttribute('class', `handsup-cloud-word handsup-cloud-word--${colourOf(word.id)}`);
      // What a phone typed: text, never markup.
      node.textContent = word.text;
      svg.append(node);
    }
    kept.add(word.id);
    // Exact, not rounded: a word kept where it was must not edge into its neighbour.
    Object.assign(node.dataset, { x: String(word.x), y: String(word.y), size: String(word.size) });
    // CSS transforms, not the attribute: a word that has to move glides to its new place.
    node.style.transform = `translate(${word.x.toFixed(1)}px, ${word.y.toFixed(1)}px)`;
    node.style.fontSize = `${word.size.toFixed(1)}px`;
  }
  for (const [id, node] of existing) if (!kept.has(id)) node.remove();
}

/** A screen's legend names the most sent few; the record's, every word. */
function legend(words: readonly WordTally[], record: boolean): HTMLElement[] {
  const list = element('ol', 'handsup-words');
  const shown = record ? words.length : IN_LEGEND;
  for (const { word, count } of words.slice(0, shown)) {
    const item = element('li', 'handsup-word');
    item.append(element('span', 'handsup-word-text', word), ' ', element('span', 'handsup-word-count', String(count)));
    list.append(item);
  }
  return [list, moreLine('handsup-results-more', words.length - shown, 'words')].filter((node) => node !== undefined);
}

function draw(body: HTMLElement, words: WordTally[], animate: boolean, record: boolean): void {
  drawn.set(body, { words, animate, record });
  if (words.length === 0) {
    body.replaceChildren(element('p', 'handsup-results-empty', 'No words yet'));
    return;
  }
  let picture = body.querySelector<HTMLElement>(':scope > .handsup-cloud');
  let svg = picture?.querySelector<SVGSVGElement>('svg');
  if (!picture || !svg) {
    picture = element('div', 'handsup-cloud');
    svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'handsup-cloud-svg');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    // The legend below says the same in words and numbers, for screen readers and the PDF's text.
    svg.setAttribute('aria-hidden', 'true');
    picture.append(svg);
  }
  picture.classList.toggle('is-static', !animate);
  drawCloud(svg, words, getComputedStyle(body).fontFamily || 'sans-serif');
  const legendBox = element('div', 'handsup-cloud-legend');
  legendBox.append(...legend(words, record));
  body.replaceChildren(picture, legendBox);
}

/**
 * Word clouds: the approved words drawn as a cloud (bigger for more often sent), and a
 * legend with each word and its count as text, most sent first. The presenter also gets
 * words waiting for approval or hidden: those stay out of the picture, as on the projector.
 */
export const wordCloudRenderer: ResultsRenderer<'words'> = {
  render(body, _question, results, animate, record) {
    const words = (results?.words ?? [])
      .filter((word) => word.status === 'approved')
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
    draw(body, words, animate, record);
    if (document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => {
        const last = drawn.get(body);
        if (last && body.isConnected) draw(body, last.words, last.animate, last.record);
      });
    }
  },
};

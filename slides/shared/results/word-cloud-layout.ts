import cloud from 'd3-cloud';

/** The cloud's own drawing area; the SVG scales it to wherever it is shown. */
export const CLOUD_WIDTH = 960;
export const CLOUD_HEIGHT = 400;
const SMALLEST = 20;
const LARGEST = 92;

export interface CloudInput {
  id: string;
  text: string;
  count: number;
}

export interface PlacedCloudWord extends CloudInput {
  /** Centre of the word, relative to the middle of the area, and its font size (same units). */
  x: number;
  y: number;
  size: number;
}

export interface CloudLayoutResult {
  words: PlacedCloudWord[];
  /** The area the placed words take, for a viewBox that fits them. */
  bounds: { x: number; y: number; width: number; height: number };
}

/** A small seeded generator: the same words give the same picture on the projector, in the console and in the PDF. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word that found no room gets the whole cloud set smaller, up to this far. */
const SCALES = [1, 0.85, 0.7, 0.55];

/**
 * Places the words with d3-cloud (Jonathan Feinberg's spiral layout, collision by the
 * glyphs' real shapes on a canvas), all horizontal so the back of the room reads them.
 * Sizes grow with the square root of the count, so one popular word does not dwarf the
 * rest. When a word finds no room, the whole cloud is tried again a size smaller; what
 * still finds none is left out of the picture (the legend lists every word).
 */
export function layoutCloud(words: readonly CloudInput[], fontFamily: string): CloudLayoutResult {
  let best: CloudLayoutResult | undefined;
  for (const scale of SCALES) {
    const result = layoutOnce(words, fontFamily, scale);
    if (!best || result.words.length > best.words.length) best = result;
    if (result.words.length === words.length) break;
  }
  return best!;
}

function layoutOnce(words: readonly CloudInput[], fontFamily: string, scale: number): CloudLayoutResult {
  const top = Math.max(1, ...words.map((word) => word.count));
  const sizeOf = (count: number) => scale * (SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(count / top));
  let result: CloudLayoutResult = { words: [], bounds: { x: -CLOUD_WIDTH / 2, y: -CLOUD_HEIGHT / 2, width: CLOUD_WIDTH, height: CLOUD_HEIGHT } };
  cloud<CloudInput>()
    .size([CLOUD_WIDTH, CLOUD_HEIGHT])
    // d3-cloud writes its placement into the objects it is given: copies keep the caller's intact.
    .words(words.map((word) => ({ ...word })))
    .text((word) => word.text)
    .font(fontFamily)
    .fontWeight(700)
    .fontSize((word) => sizeOf(word.count))
    .rotate(0)
    .padding(4)
    .spiral('archimedean')
    .random(seeded(words.length))
    // Infinity: the whole layout runs now, synchronously, and 'end' fires before start() returns.
    .timeInterval(Infinity)
    .on('end', (placed, bounds) => {
      const box = bounds
        ? { x: bounds[0].x - CLOUD_WIDTH / 2, y: bounds[0].y - CLOUD_HEIGHT / 2, width: bounds[1].x - bounds[0].x, height: bounds[1].y - bounds[0].y }
        : result.bounds;
      result = {
        words: placed.map(({ id, text, count, x, y, size }) => ({ id, text, count, x, y, size })),
        bounds: box,
      };
    })
    .start();
  return result;
}

/** The cloud's own drawing area, centred on (0, 0); the SVG scales it to wherever it is shown. */
export const CLOUD_WIDTH = 960;
export const CLOUD_HEIGHT = 400;
const SMALLEST = 20;
const LARGEST = 92;
/** Space kept around every word, in the area's units. */
const PADDING = 5;
/** A word's box is this many times its font size high (cap height to descender, with the line's air). */
const LINE_HEIGHT = 1.05;
/** The spiral a word walks to find room: its rings this far apart, and its steps this long (in the area's units). */
const RING_GAP = 4;
const STEP = 5;

export interface CloudInput {
  id: string;
  text: string;
  count: number;
}

export interface PlacedCloudWord extends CloudInput {
  /** Centre of the word (text-anchor middle, central baseline) and its font size, in the area's units. */
  x: number;
  y: number;
  size: number;
}

/** Where each word sat in the cloud drawn before, by id: the places words keep. */
export type CloudPlaces = ReadonlyMap<string, { x: number; y: number; size: number }>;

/** The width of a text in bold at a font size, in the same units (a canvas measures it in the page). */
export type MeasureText = (text: string, size: number) => number;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box): boolean {
  return box.left >= -CLOUD_WIDTH / 2 && box.right <= CLOUD_WIDTH / 2 && box.top >= -CLOUD_HEIGHT / 2 && box.bottom <= CLOUD_HEIGHT / 2;
}

/** A number from a word's id: the same word always sets off in the same direction. */
function hashOf(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

/**
 * The first free spot on a spiral around `from` (the spot itself first), stretched to the
 * area's shape, in steps of a few units along the curve; undefined when the area has no
 * room for a box this size.
 */
function freeSpot(from: { x: number; y: number }, width: number, height: number, placed: readonly Box[], turn: number): { x: number; y: number } | undefined {
  const stretch = CLOUD_WIDTH / CLOUD_HEIGHT;
  // Once the spiral's ring holds the whole area, it has been everywhere in it.
  const farthest = Math.max(Math.abs(from.y) + CLOUD_HEIGHT / 2, (Math.abs(from.x) + CLOUD_WIDTH / 2) / stretch);
  // The box that was in the way last time usually still is: asked first, it saves most tests.
  let blocker: Box | undefined;
  // A big word needs no finer search than a fraction of its own height.
  const gap = Math.max(RING_GAP, height / 4);
  const step = Math.max(STEP, height / 3);
  for (let angle = 0, radius = 0; radius <= farthest; radius = (gap / (2 * Math.PI)) * angle) {
    const x = from.x + stretch * radius * Math.cos(angle + turn);
    const y = from.y + radius * Math.sin(angle + turn);
    angle += Math.min(0.35, step / Math.max(stretch * radius, 1));
    const box = { left: x - width / 2, right: x + width / 2, top: y - height / 2, bottom: y + height / 2 };
    if (!inside(box) || (blocker && overlaps(box, blocker))) continue;
    blocker = placed.find((other) => overlaps(box, other));
    if (!blocker) return { x, y };
  }
  return undefined;
}

/** A word that found no room gets the whole cloud set smaller, up to this far. */
const SCALES = [1, 0.8, 0.6, 0.45];

/**
 * Places the words, all horizontal so the back of the room reads them, sizes growing with
 * the square root of the count so one popular word does not dwarf the rest. A cloud that
 * does not jump: a word keeps the place it had (`previous`) as counts change; only a word
 * that grew into a neighbour moves, to the nearest free spot; new words fill the free
 * space, each walking out from the centre in its own direction (seeded by the word). With
 * no previous places (a page opened now, the PDF) the same words give the same picture.
 * When a word finds no room, the whole cloud is tried a size smaller; what still finds
 * none is left out of the picture (the legend lists every word).
 */
export function layoutCloud(words: readonly CloudInput[], measure: MeasureText, previous: CloudPlaces = new Map()): PlacedCloudWord[] {
  let best: PlacedCloudWord[] = [];
  for (const scale of SCALES) {
    const placed = layoutAt(words, measure, previous, scale);
    if (placed.length > best.length) best = placed;
    if (placed.length === words.length) break;
  }
  return best;
}

function layoutAt(words: readonly CloudInput[], measure: MeasureText, previous: CloudPlaces, scale: number): PlacedCloudWord[] {
  const top = Math.max(1, ...words.map((word) => word.count));
  const sized = words.map((word) => ({ word, size: scale * (SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(word.count / top)) }));
  const byCount = (a: (typeof sized)[number], b: (typeof sized)[number]) => b.word.count - a.word.count || (a.word.text < b.word.text ? -1 : a.word.text > b.word.text ? 1 : 0);
  // Words that did not grow cannot run into each other where they were: they go first and stay.
  const kept = sized.filter(({ word, size }) => (previous.get(word.id)?.size ?? -1) >= size).sort(byCount);
  const grown = sized.filter(({ word, size }) => previous.has(word.id) && previous.get(word.id)!.size < size).sort(byCount);
  const fresh = sized.filter(({ word }) => !previous.has(word.id)).sort(byCount);

  const boxes: Box[] = [];
  const result: PlacedCloudWord[] = [];
  // A box that found no room: no box as wide and as high will find any (the spiral saw the whole area).
  const noRoom: { width: number; height: number }[] = [];
  for (const { word, size } of [...kept, ...grown, ...fresh]) {
    const width = measure(word.text, size) + 2 * PADDING;
    const height = size * LINE_HEIGHT + 2 * PADDING;
    if (noRoom.some((failed) => width >= failed.width && height >= failed.height)) continue;
    const from = previous.get(word.id) ?? { x: 0, y: 0 };
    const spot = freeSpot(from, width, height, boxes, (hashOf(word.id) / 4294967296) * 2 * Math.PI);
    if (!spot) {
      noRoom.push({ width, height });
      continue;
    }
    boxes.push({ left: spot.x - width / 2, right: spot.x + width / 2, top: spot.y - height / 2, bottom: spot.y + height / 2 });
    result.push({ ...word, x: spot.x, y: spot.y, size });
  }
  return result;
}

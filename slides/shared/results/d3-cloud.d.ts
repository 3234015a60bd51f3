/** The part of d3-cloud's API the word cloud uses (the package ships no types of its own). */
declare module 'd3-cloud' {
  export interface CloudWord {
    text: string;
  }

  /** A word as the layout left it: centred on (x, y) relative to the middle of the area. */
  export type PlacedWord<T extends CloudWord> = T & { x: number; y: number; size: number; rotate: number };

  export interface CloudLayout<T extends CloudWord> {
    size(size: [number, number]): CloudLayout<T>;
    words(words: T[]): CloudLayout<T>;
    text(text: (word: T) => string): CloudLayout<T>;
    font(font: string): CloudLayout<T>;
    fontWeight(weight: string | number): CloudLayout<T>;
    fontSize(size: (word: T) => number): CloudLayout<T>;
    rotate(rotate: number | ((word: T) => number)): CloudLayout<T>;
    padding(padding: number): CloudLayout<T>;
    spiral(spiral: 'archimedean' | 'rectangular'): CloudLayout<T>;
    random(random: () => number): CloudLayout<T>;
    timeInterval(ms: number): CloudLayout<T>;
    on(type: 'end', listener: (placed: PlacedWord<T>[], bounds: [{ x: number; y: number }, { x: number; y: number }] | null) => void): CloudLayout<T>;
    start(): CloudLayout<T>;
    stop(): CloudLayout<T>;
  }

  export default function cloud<T extends CloudWord>(): CloudLayout<T>;
}

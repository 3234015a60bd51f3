/**
 * Cuts the deck file into slides the way reveal.js's markdown plugin does (its slidify):
 * the separator patterns run over the whole text (flags `mg`), a horizontal match starts
 * a new column, a vertical one a new slide below, and every piece is a slide, empty ones
 * included, so slide indices and `#/h/v` links are reveal.js's. handsup's default
 * patterns are a line that is `---` and a line that is `--` (spaces around allowed);
 * reveal-md's front matter may set others. In each slide a line starting with `Note:`
 * (or `Notes:`, any case) turns the rest of the slide into speaker notes.
 *
 * Unlike reveal.js, a separator or `Note:` inside fenced code (``` or ~~~) is left
 * alone, so a slide can show a horizontal rule or a note in code, and everything after
 * the first `Note:` is notes (reveal.js takes none when a slide has two).
 *
 * The same pass finds the poll blocks: only a fence-aware scan knows where a fence
 * starts and ends, and it is the only place that still sees the file's line numbers.
 */
import { findFences, type Fence } from './fences.ts';
import type { LineProblem } from './problems.ts';
import { questionSlotMarker } from './question-slot.ts';

export interface PollBlockSource {
  /** 1-based line of the opening ```poll fence. */
  fenceLine: number;
  /** The YAML between the fences; its first line is fenceLine + 1. */
  yaml: string;
}

export interface SlideSource {
  /** Column and row in reveal.js's grid. */
  h: number;
  v: number;
  /** 1-based line of the slide's first non-blank line (the line after the separator if it has none). */
  line: number;
  /** The slide's Markdown, each poll block replaced by a question slot marker. */
  markdown: string;
  /** Markdown of the speaker notes, '' when there are none. */
  notes: string;
  polls: PollBlockSource[];
}

export interface FrontMatterSource {
  /** 1-based line of the first YAML line (the line after the opening `---`). */
  firstLine: number;
  yaml: string;
  /** 0-based index of the first line after the closing `---`. */
  bodyIndex: number;
}

/** Regular expression sources, as reveal.js's data-separator and data-separator-vertical take them. */
export interface Separators {
  horizontal: string;
  vertical: string | null;
}

export const DEFAULT_SEPARATORS: Separators = { horizontal: '^[ \\t]*---[ \\t]*$', vertical: '^[ \\t]*--[ \\t]*$' };

export interface SplitDeck {
  slides: SlideSource[];
  problems: LineProblem[];
  /** Every fenced code block that is not a question block: 1-based line of its opening fence, and its info string. */
  codeFences: { line: number; info: string }[];
}

const NOTES_START = /^notes?:[ \t]?/gim;
/** A front matter block starts with `key:`; `Note:` is excluded because it means notes. */
const FRONT_MATTER_KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:\s|$)/;

/**
 * Front matter is only recognised when line 1 is `---`, a later line is `---`, and the
 * first meaningful line between them is `key: value` (not `Note:`). Anything else that
 * starts with `---` is a separator in front of the first slide, as in reveal.js.
 */
export function findFrontMatter(text: string): FrontMatterSource | null {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return null;
  const endIndex = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (endIndex < 0) return null;
  const body = lines.slice(1, endIndex);
  const firstMeaningful = body.find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (firstMeaningful === undefined || !FRONT_MATTER_KEY_LINE.test(firstMeaningful)) return null;
  if (/^notes?:/i.test(firstMeaningful)) return null;
  return { firstLine: 2, yaml: body.join('\n'), bodyIndex: endIndex + 1 };
}

/** Offsets and lines of one text, and which lines are inside a fence. */
class DeckText {
  readonly lineStarts: number[] = [0];
  readonly fenced: boolean[];

  constructor(
    readonly text: string,
    fences: readonly Fence[],
  ) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
    this.fenced = new Array<boolean>(this.lineStarts.length).fill(false);
    for (const fence of fences) this.fenced.fill(true, fence.openIndex, fence.closeIndex + 1);
  }

  /** 0-based line of an offset; a line's `\n` belongs to it. */
  lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  touchesFence(start: number, end: number): boolean {
    const last = this.lineIndexOf(Math.max(start, end - 1));
    for (let line = this.lineIndexOf(start); line <= last; line += 1) if (this.fenced[line]) return true;
    return false;
  }

  offsetOfLine(index: number): number {
    return this.lineStarts[index] ?? this.text.length;
  }
}

interface Piece {
  start: number;
  end: number;
}

interface Cut extends Piece {
  horizontal: boolean;
}

function findCuts(deck: DeckText, from: number, separators: Separators, problems: LineProblem[]): Cut[] {
  const pattern = new RegExp(separators.horizontal + (separators.vertical ? `|${separators.vertical}` : ''), 'mg');
  const horizontal = new RegExp(separators.horizontal);
  const cuts: Cut[] = [];
  pattern.lastIndex = from;
  for (let match = pattern.exec(deck.text); match; match = pattern.exec(deck.text)) {
    const end = match.index + match[0].length;
    if (match[0].length === 0) {
      problems.push({ line: 1, message: 'the separator patterns match an empty line part — give separator a pattern that matches text, e.g. ^---$' });
      return [];
    }
    if (deck.touchesFence(match.index, end)) continue;
    cuts.push({ start: match.index, end, horizontal: horizontal.test(match[0]) });
  }
  return cuts;
}

/** reveal.js's grid: a vertical cut after a horizontal one opens a stack; a horizontal one after a vertical one ends it. */
function placePieces(cuts: readonly Cut[], from: number, to: number): Array<Piece | Piece[]> {
  const columns: Array<Piece | Piece[]> = [];
  let start = from;
  let wasHorizontal = true;
  const lastStack = (): Piece[] => columns[columns.length - 1] as Piece[];
  for (const cut of cuts) {
    if (!cut.horizontal && wasHorizontal) columns.push([]);
    const piece = { start, end: cut.start };
    if (cut.horizontal && wasHorizontal) columns.push(piece);
    else lastStack().push(piece);
    start = cut.end;
    wasHorizontal = cut.horizontal;
  }
  const last = { start, end: to };
  if (wasHorizontal) columns.push(last);
  else lastStack().push(last);
  return columns;
}

function slideFromPiece(deck: DeckText, piece: Piece, fences: readonly Fence[], place: { h: number; v: number }, problems: LineProblem[]): SlideSource {
  const { text } = deck;
  let notesAt = piece.end;
  let notesFrom = piece.end;
  NOTES_START.lastIndex = piece.start;
  for (let match = NOTES_START.exec(text); match && match.index < piece.end; match = NOTES_START.exec(text)) {
    if (deck.fenced[deck.lineIndexOf(match.index)]) continue;
    notesAt = match.index;
    notesFrom = match.index + match[0].length;
    break;
  }

  const polls: PollBlockSource[] = [];
  const markdown: string[] = [];
  let position = piece.start;
  for (const fence of fences) {
    const fenceStart = deck.offsetOfLine(fence.openIndex);
    if (fence.info !== 'poll' || !fence.closed || fenceStart < piece.start || fenceStart >= piece.end) continue;
    if (fenceStart >= notesAt) {
      problems.push({
        line: fence.openIndex + 1,
        message: `poll block is inside the speaker notes (Note: on line ${deck.lineIndexOf(notesAt) + 1}) — move it above the Note: line`,
      });
      continue;
    }
    const lines = text.slice(deck.offsetOfLine(fence.openIndex + 1), deck.offsetOfLine(fence.closeIndex)).replace(/\n$/, '');
    // Blank lines around the marker keep it a standalone HTML block for marked.
    markdown.push(text.slice(position, fenceStart), `\n${fence.indent}${questionSlotMarker(polls.length)}\n\n`);
    polls.push({ fenceLine: fence.openIndex + 1, yaml: fence.closeIndex > fence.openIndex + 1 ? lines : '' });
    position = Math.min(deck.offsetOfLine(fence.closeIndex + 1), notesAt);
  }
  markdown.push(text.slice(position, notesAt));

  const firstContent = text.slice(piece.start, piece.end).search(/\S/);
  const afterSeparator = text.indexOf('\n', piece.start);
  const lineAt =
    firstContent >= 0 ? piece.start + firstContent : afterSeparator >= 0 && afterSeparator < piece.end ? afterSeparator + 1 : piece.start;
  return {
    ...place,
    line: deck.lineIndexOf(lineAt) + 1,
    markdown: markdown.join(''),
    notes: text.slice(notesFrom, piece.end).trim(),
    polls,
  };
}

/** `text` must already have `\n` line endings. */
export function splitDeck(text: string, frontMatter: FrontMatterSource | null, separators: Separators): SplitDeck {
  const lines = text.split('\n');
  const bodyIndex = frontMatter?.bodyIndex ?? 0;
  const { fences, problems } = findFences(lines, bodyIndex);
  const deck = new DeckText(text, fences);
  const bodyStart = deck.offsetOfLine(bodyIndex);
  const columns = placePieces(findCuts(deck, bodyStart, separators, problems), bodyStart, text.length);

  const slides = columns.flatMap((column, h) =>
    (Array.isArray(column) ? column : [column]).map((piece, v) => slideFromPiece(deck, piece, fences, { h, v }, problems)),
  );
  const codeFences = fences.filter((fence) => fence.info !== 'poll').map((fence) => ({ line: fence.openIndex + 1, info: fence.info }));
  return { slides, problems, codeFences };
}

/**
 * Cuts the deck file into slides, line by line, the way reveal.js's markdown plugin does:
 * a line that is `---` starts a new column, `--` a new slide below, and a line starting
 * with `Note:` (or `Notes:`) turns the rest of the slide into speaker notes. Unlike
 * reveal.js, separators and `Note:` inside fenced code blocks (``` or ~~~) are left alone,
 * so a slide can show YAML front matter or a horizontal rule in code.
 *
 * The same pass finds the poll blocks, because only a fence-aware scan knows where a
 * fence starts and ends, and it is the only place that still sees the file's line numbers.
 */
import type { LineProblem } from './problems.ts';
import { questionSlotMarker } from './question-slot.ts';

export interface PollBlockSource {
  /** 1-based line of the opening ```poll fence. */
  fenceLine: number;
  /** The YAML between the fences; its first line is fenceLine + 1. */
  yaml: string;
}

export interface SlideSource {
  /** Column and row in reveal.js's grid, counted after empty slides are dropped. */
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
}

export interface SplitDeck {
  frontMatter: FrontMatterSource | null;
  slides: SlideSource[];
  problems: LineProblem[];
}

const HORIZONTAL_SEPARATOR = '---';
const VERTICAL_SEPARATOR = '--';
/** reveal.js's notes separator is `^\s*notes?:` (case-insensitive); same here. */
const NOTES_LINE = /^\s*notes?:[ \t]?/i;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** A front matter block starts with `key:`; `Note:` is excluded because it means notes. */
const FRONT_MATTER_KEY_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:\s|$)/;

interface OpenFence {
  indent: string;
  marker: string;
  line: number;
  isPoll: boolean;
  pollLines: string[];
}

/** Collects one slide's lines as the scan goes. */
class SlideBuilder {
  readonly bodyLines: string[] = [];
  readonly notesLines: string[] = [];
  readonly polls: PollBlockSource[] = [];
  notesLine: number | null = null;
  firstContentLine: number | null = null;

  constructor(
    readonly column: number,
    readonly row: number,
    readonly startLine: number,
  ) {}

  add(text: string, lineNumber: number): void {
    if (this.firstContentLine === null && text.trim() !== '') this.firstContentLine = lineNumber;
    (this.notesLine === null ? this.bodyLines : this.notesLines).push(text);
  }

  startNotes(restOfLine: string, lineNumber: number): void {
    this.firstContentLine ??= lineNumber;
    this.notesLine = lineNumber;
    this.notesLines.push(restOfLine);
  }

  addPoll(poll: PollBlockSource, indent: string): void {
    this.firstContentLine ??= poll.fenceLine;
    // Blank lines around the marker keep it a standalone HTML block for marked.
    this.bodyLines.push('', indent + questionSlotMarker(this.polls.length), '');
    this.polls.push(poll);
  }

  get isEmpty(): boolean {
    return this.firstContentLine === null;
  }
}

/**
 * Front matter is only recognised when line 1 is `---`, a later line is `---`, and the
 * first meaningful line between them is `key: value` (not `Note:`). Anything else that
 * starts with `---` is a slide separator in front of the first slide, as in reveal.js,
 * which yields an empty slide that is dropped.
 */
function findFrontMatter(lines: readonly string[]): { source: FrontMatterSource; endIndex: number } | null {
  if (lines[0]?.trim() !== HORIZONTAL_SEPARATOR) return null;
  const endIndex = lines.findIndex((text, index) => index > 0 && text.trim() === HORIZONTAL_SEPARATOR);
  if (endIndex < 0) return null;
  const body = lines.slice(1, endIndex);
  const firstMeaningful = body.find((text) => text.trim() !== '' && !text.trimStart().startsWith('#'));
  if (firstMeaningful === undefined || !FRONT_MATTER_KEY_LINE.test(firstMeaningful)) return null;
  if (NOTES_LINE.test(firstMeaningful)) return null;
  return { source: { firstLine: 2, yaml: body.join('\n') }, endIndex };
}

function opensFence(text: string): { indent: string; marker: string; info: string } | null {
  const match = FENCE_OPEN.exec(text);
  if (!match) return null;
  const [, indent = '', marker = '', info = ''] = match;
  // CommonMark: a backtick fence's info string may not contain a backtick (that is inline code).
  if (marker.startsWith('`') && info.includes('`')) return null;
  return { indent, marker, info: info.trim() };
}

function closesFence(text: string, fence: OpenFence): boolean {
  const match = FENCE_CLOSE.exec(text);
  const marker = match?.[1];
  return marker !== undefined && marker[0] === fence.marker[0] && marker.length >= fence.marker.length;
}

/** Drops slides with nothing on them and numbers the rest in reveal.js's grid. */
function placeSlides(builders: readonly SlideBuilder[]): SlideSource[] {
  const slides: SlideSource[] = [];
  let h = -1;
  let v = 0;
  let lastColumn = -1;
  for (const builder of builders) {
    if (builder.isEmpty) continue;
    if (builder.column !== lastColumn) {
      h += 1;
      v = 0;
      lastColumn = builder.column;
    } else {
      v += 1;
    }
    slides.push({
      h,
      v,
      line: builder.firstContentLine ?? builder.startLine,
      markdown: builder.bodyLines.join('\n'),
      notes: builder.notesLines.join('\n').trim(),
      polls: builder.polls,
    });
  }
  return slides;
}

/** `source` must already have `\n` line endings. */
export function splitDeck(source: string): SplitDeck {
  const lines = source.split('\n');
  const problems: LineProblem[] = [];
  const frontMatter = findFrontMatter(lines);
  const firstIndex = frontMatter ? frontMatter.endIndex + 1 : 0;

  const builders: SlideBuilder[] = [];
  let column = 0;
  let row = 0;
  let slide = new SlideBuilder(column, row, firstIndex + 1);
  let fence: OpenFence | null = null;

  for (let index = firstIndex; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const lineNumber = index + 1;

    if (fence) {
      if (closesFence(text, fence)) {
        if (fence.isPoll) slide.addPoll({ fenceLine: fence.line, yaml: fence.pollLines.join('\n') }, fence.indent);
        else slide.add(text, lineNumber);
        fence = null;
      } else if (fence.isPoll) {
        fence.pollLines.push(text);
      } else {
        slide.add(text, lineNumber);
      }
      continue;
    }

    const trimmed = text.trim();
    if (trimmed === HORIZONTAL_SEPARATOR || trimmed === VERTICAL_SEPARATOR) {
      builders.push(slide);
      if (trimmed === HORIZONTAL_SEPARATOR) {
        column += 1;
        row = 0;
      } else {
        row += 1;
      }
      slide = new SlideBuilder(column, row, lineNumber + 1);
      continue;
    }

    const opening = opensFence(text);
    if (opening) {
      const inNotes = slide.notesLine !== null;
      const isPoll = opening.info === 'poll' && !inNotes;
      if (opening.info === 'poll' && inNotes) {
        problems.push({
          line: lineNumber,
          message: `poll block is inside the speaker notes (Note: on line ${slide.notesLine}) — move it above the Note: line`,
        });
      } else if (!isPoll && /^poll\b/i.test(opening.info)) {
        problems.push({
          line: lineNumber,
          message: `code block "${opening.info}" is not a question block — write exactly ${opening.marker}poll on the opening line`,
        });
      }
      fence = { indent: opening.indent, marker: opening.marker, line: lineNumber, isPoll, pollLines: [] };
      if (isPoll) slide.firstContentLine ??= lineNumber;
      else slide.add(text, lineNumber);
      continue;
    }

    const notes = slide.notesLine === null ? NOTES_LINE.exec(text) : null;
    if (notes) {
      slide.startNotes(text.slice(notes[0].length), lineNumber);
      continue;
    }
    slide.add(text, lineNumber);
  }

  if (fence) {
    const what = fence.isPoll ? 'poll block' : 'code block';
    problems.push({
      line: fence.line,
      message: `${what} is never closed — add a closing ${fence.marker} line (everything after this line, including --- separators, is inside it)`,
    });
  }
  builders.push(slide);

  return { frontMatter: frontMatter?.source ?? null, slides: placeSlides(builders), problems };
}

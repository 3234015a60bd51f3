/**
 * Where the deck's fenced code blocks (``` or ~~~) are. Separators and `Note:` lines
 * inside a fence are code, not structure (reveal.js would cut the code there; see
 * docs/authoring.md), and a fence whose info string is `poll` is a question block.
 */
import type { LineProblem } from './problems.ts';

export interface Fence {
  /** 0-based indices into the deck's lines: the opening line and the closing one (the last line when unclosed). */
  openIndex: number;
  closeIndex: number;
  closed: boolean;
  indent: string;
  marker: string;
  info: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function opensFence(text: string): { indent: string; marker: string; info: string } | null {
  const match = FENCE_OPEN.exec(text);
  if (!match) return null;
  const [, indent = '', marker = '', info = ''] = match;
  // CommonMark: a backtick fence's info string may not contain a backtick (that is inline code).
  if (marker.startsWith('`') && info.includes('`')) return null;
  return { indent, marker, info: info.trim() };
}

function closes(text: string, marker: string): boolean {
  const closing = FENCE_CLOSE.exec(text)?.[1];
  return closing !== undefined && closing[0] === marker[0] && closing.length >= marker.length;
}

/** Fences of `lines` from `firstIndex` on, with a problem for each one never closed. */
export function findFences(lines: readonly string[], firstIndex: number): { fences: Fence[]; problems: LineProblem[] } {
  const fences: Fence[] = [];
  const problems: LineProblem[] = [];
  for (let index = firstIndex; index < lines.length; index += 1) {
    const opening = opensFence(lines[index] ?? '');
    if (!opening) continue;
    if (opening.info !== 'poll' && /^poll\b/i.test(opening.info)) {
      problems.push({
        line: index + 1,
        message: `code block "${opening.info}" is not a question block — write exactly ${opening.marker}poll on the opening line`,
      });
    }
    let closeIndex = index + 1;
    while (closeIndex < lines.length && !closes(lines[closeIndex] ?? '', opening.marker)) closeIndex += 1;
    const closed = closeIndex < lines.length;
    if (!closed) {
      const what = opening.info === 'poll' ? 'poll block' : 'code block';
      problems.push({
        line: index + 1,
        message: `${what} is never closed — add a closing ${opening.marker} line (everything after this line, including --- separators, is inside it)`,
      });
    }
    fences.push({ openIndex: index, closeIndex: Math.min(closeIndex, lines.length - 1), closed, ...opening });
    index = closeIndex;
  }
  return { fences, problems };
}

/**
 * The marked instances the compiler uses: our own `new Marked()`s, created once, never
 * the global `marked`, so compiling a deck changes nothing for anyone else in the process.
 *
 * Slides keep their blank lines in the HTML (reveal.js's markdown plugin does the same):
 * the `.element` rule for lists depends on whether a blank line separates a list from the
 * comment after it (see attribute-comments.ts). Notes need no such thing.
 *
 * Everything else is marked's default: raw HTML passes through (it is the presenter's own
 * file) and code renders as <pre><code class="language-xxx"> with escaped content, for a
 * highlighter in the browser.
 */
import { Marked } from 'marked';

const slideMarkdown = new Marked({
  renderer: {
    space: ({ raw }) => raw,
  },
});

const notesMarkdown = new Marked();

export function renderSlideMarkdown(source: string): string {
  return slideMarkdown.parse(source, { async: false });
}

export function renderNotesMarkdown(source: string): string {
  return notesMarkdown.parse(source, { async: false });
}

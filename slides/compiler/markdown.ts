/**
 * The marked instance the compiler uses: our own `new Marked()`, created once, never the
 * global `marked`, so compiling a deck changes nothing for anyone else in the process.
 *
 * It is configured as reveal.js 6's markdown plugin configures its own, so a deck renders
 * to the same HTML:
 *   - blank lines stay in the HTML: the `.element` rule for lists depends on whether a
 *     blank line separates a list from the comment after it (see attribute-comments.ts);
 *   - code blocks carry reveal.js's highlight steps and line offset: ```` ```js [1|3-5] ````
 *     → `<code data-line-numbers="1|3-5" class="js">`, ```` ```c [287: 2|4,6] ```` adds
 *     `data-ln-start-from="287"`, with the plugin's exact spacing and escaping.
 * Notes use the same instance, as in reveal.js. Raw HTML passes through: it is the
 * presenter's own file.
 */
import { Marked } from 'marked';
import { escapeHtml } from './text.ts';

/** reveal.js's pattern: `[offset: steps]` anywhere in the info string. */
export const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

export function renderCodeBlock(text: string, info: string | undefined): string {
  let language = info || '';
  let lineNumbers = '';
  let startFrom = '';
  const match = LINE_NUMBERS.exec(language);
  if (match) {
    if (match[2]) startFrom = `data-ln-start-from="${match[2].trim()}"`;
    lineNumbers = `data-line-numbers="${(match[3] ?? '').trim()}"`;
    language = language.replace(LINE_NUMBERS, '').trim();
  }
  return `<pre><code ${lineNumbers} ${startFrom} class="${language}">${escapeHtml(text)}</code></pre>`;
}

const slideMarkdown = new Marked({
  renderer: {
    space: ({ raw }) => raw,
    code: ({ text, lang }) => renderCodeBlock(text, lang),
  },
});

export function renderMarkdown(source: string): string {
  return slideMarkdown.parse(source, { async: false });
}

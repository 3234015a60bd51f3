/** A slide's title: the text of its first h1, h2 or h3, as the waiting screen shows it. */
import { htmlToText } from './text.ts';

const FIRST_HEADING = /<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i;

export function firstHeadingText(html: string): string {
  // Comments could hide a heading-like string; they never count.
  const match = FIRST_HEADING.exec(html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html);
  return match ? htmlToText(match[2] ?? '') : '';
}

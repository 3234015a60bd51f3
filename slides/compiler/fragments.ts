/**
 * How many times the presenter presses "next" before leaving a slide, counted the way
 * reveal.js's fragment sorting does: fragments that share a data-fragment-index are one
 * step, and every fragment without an index is a step of its own.
 */
import { parseAttributes } from './attributes.ts';
import { scanHtml } from './html-scan.ts';

export function countFragmentSteps(html: string): number {
  if (!html.includes('fragment')) return 0;
  const indices = new Set<number>();
  let withoutIndex = 0;
  for (const token of scanHtml(html)) {
    if (token.kind !== 'open' || !token.attributes.includes('fragment')) continue;
    const attributes = parseAttributes(token.attributes);
    const classes = attributes.find((attribute) => attribute.name === 'class')?.value.split(/\s+/) ?? [];
    if (!classes.includes('fragment')) continue;
    const index = Number.parseInt(attributes.find((attribute) => attribute.name === 'data-fragment-index')?.value ?? '', 10);
    if (Number.isInteger(index)) indices.add(index);
    else withoutIndex += 1;
  }
  return indices.size + withoutIndex;
}

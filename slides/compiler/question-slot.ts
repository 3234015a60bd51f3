/**
 * A poll block is cut out of the Markdown before marked runs and replaced by a marker;
 * once the slide's HTML is final, each marker is swapped for the question's static HTML.
 * Two steps because the placeholder needs the slide's title (the default question text),
 * which only exists after the slide is rendered.
 *
 * The marker is a block-level <div> on its own line between blank lines, so marked passes
 * it through untouched as an HTML block and it cannot swallow the Markdown after it.
 * An `<!-- .element: … -->` comment after the block lands on the marker; those attributes
 * are carried over to the placeholder, so a question can be a fragment like anything else.
 */
import { mergeAttributes, parseAttributes, serializeAttributes } from './attributes.ts';

const SLOT_MARKER = /<div data-handsup-slot="(\d+)"([^>]*)><\/div>/g;
const FIRST_TAG = /^<([a-z][\w-]*)([^>]*)>/;

export function questionSlotMarker(slot: number): string {
  return `<div data-handsup-slot="${slot}"></div>`;
}

function withAttributes(html: string, extra: string): string {
  const match = FIRST_TAG.exec(html);
  if (!match || extra.trim() === '') return html;
  const [tag, name = 'div', own = ''] = match;
  const merged = mergeAttributes(parseAttributes(own), parseAttributes(extra));
  return `<${name}${serializeAttributes(merged)}>${html.slice(tag.length)}`;
}

export function fillQuestionSlots(html: string, renderSlot: (slot: number) => string): string {
  return html.replace(SLOT_MARKER, (_marker, slot: string, extra: string) =>
    withAttributes(renderSlot(Number(slot)), extra),
  );
}

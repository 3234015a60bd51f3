import { byId } from './dom.ts';
import { strings } from './strings.ts';

/** The current slide's speaker notes, large enough to read at a glance. */
export class NotesPanel {
  private shownIndex: number | undefined;

  update(slideIndex: number, notes: readonly string[]): void {
    if (slideIndex === this.shownIndex) return;
    this.shownIndex = slideIndex;
    const panel = byId('notes');
    const html = notes[slideIndex]?.trim() ?? '';
    // Notes are the presenter's own Markdown from the deck, compiled: trusted like the slides.
    panel.innerHTML = html;
    if (!html) panel.textContent = strings.noNotes;
    panel.classList.toggle('is-empty', !html);
    panel.scrollTop = 0;
  }
}

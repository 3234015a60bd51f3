import type { Results, TextEntry } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { flaggedTag, statusTag, type EntryActions } from './entry-actions.ts';
import { EntryQueue } from './entry-queue.ts';
import { countsLine } from './type-section.ts';

/**
 * Open text answers as a moderation queue: what waits for the presenter first (the
 * profanity filter's catches, marked as such), then the newest. Approve puts an answer on
 * the projector, Hide takes it off. Answers are what phones typed: text only.
 */
export class ModerationQueue extends EntryQueue<TextEntry> {
  readonly replacesResults = true;

  constructor(actions: EntryActions) {
    super(actions, 'text', 'Answers to moderate');
  }

  /** The server's order for the presenter: waiting ones first, then newest first. */
  protected entriesOf(results: Results | undefined): TextEntry[] {
    return results && 'answers' in results ? results.answers : [];
  }

  protected summarise(answers: readonly TextEntry[]): string {
    if (answers.length === 0) return 'No answers yet. Clean answers appear on the projector at once; the filter’s catches wait here for you.';
    return countsLine([
      [this.countOf(answers, 'pending'), 'waiting for you'],
      [this.countOf(answers, 'approved'), this.revealed ? 'on screen' : 'approved'],
      [this.countOf(answers, 'hidden'), 'hidden'],
    ]);
  }

  protected create(entry: TextEntry): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry';
    item.dataset.entryId = entry.id;
    const tags = document.createElement('div');
    tags.className = 'console-entry-tags';
    const actions = document.createElement('div');
    actions.className = 'console-entry-actions';
    actions.append(...this.moderationButtons(entry.id));
    item.append(textElement('p', 'console-entry-text', entry.text), tags, actions);
    return item;
  }

  protected fill(item: HTMLElement, entry: TextEntry): void {
    item.dataset.status = entry.status;
    item.dataset.flagged = String(entry.flagged);
    item.querySelector('.console-entry-tags')!.replaceChildren(statusTag(entry.status, this.revealed), ...(entry.flagged ? [flaggedTag()] : []));
    this.showModeration(item, entry.status);
  }
}

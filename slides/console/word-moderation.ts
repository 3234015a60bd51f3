import type { Results, WordTally } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { flaggedTag, statusTag, type EntryActions } from './entry-actions.ts';
import { EntryQueue } from './entry-queue.ts';
import { countsLine } from './type-section.ts';

const RANK: Record<WordTally['status'], number> = { pending: 0, approved: 1, hidden: 2 };

/**
 * Below the cloud: every word with its count, what waits for the presenter first, with
 * Hide (the word leaves the cloud) or Approve. Words are what phones typed: text only.
 */
export class WordModeration extends EntryQueue<WordTally> {
  readonly replacesResults = false;

  constructor(actions: EntryActions) {
    super(actions, 'words', 'Words, most sent first');
  }

  protected entriesOf(results: Results | undefined): WordTally[] {
    if (!results || !('words' in results)) return [];
    return [...results.words].sort((a, b) => RANK[a.status] - RANK[b.status] || b.count - a.count);
  }

  protected summarise(words: readonly WordTally[]): string {
    if (words.length === 0) return 'No words yet.';
    return countsLine([
      [words.length, words.length === 1 ? 'word' : 'different words'],
      [this.countOf(words, 'pending'), 'waiting for you'],
      [this.countOf(words, 'hidden'), 'hidden'],
    ]);
  }

  protected create(word: WordTally): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry console-entry--word';
    item.dataset.entryId = word.id;
    const tags = textElement('span', 'console-entry-tags', '');
    const actions = textElement('span', 'console-entry-actions', '');
    actions.append(...this.moderationButtons(word.id));
    item.append(textElement('span', 'console-word-text', word.word), textElement('span', 'console-word-count', ''), tags, actions);
    return item;
  }

  protected fill(item: HTMLElement, word: WordTally): void {
    item.dataset.status = word.status;
    item.dataset.flagged = String(word.flagged);
    item.querySelector('.console-word-count')!.textContent = String(word.count);
    // Approved is the normal case for a word: only the others say so.
    const tags = word.status === 'approved' ? [] : [statusTag(word.status, this.revealed)];
    if (word.flagged) tags.push(flaggedTag());
    item.querySelector('.console-entry-tags')!.replaceChildren(...tags);
    this.showModeration(item, word.status);
  }
}

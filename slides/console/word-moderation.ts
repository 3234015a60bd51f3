import type { Question } from '../../protocol/deck.ts';
import type { PresenterView, WordTally } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { entryButton, flaggedTag, statusTag, type EntryActions } from './entry-actions.ts';
import { KeyedList } from './keyed-list.ts';
import { countsLine, type TypeSection } from './type-section.ts';

const RANK: Record<WordTally['status'], number> = { pending: 0, approved: 1, hidden: 2 };

/**
 * Below the cloud: every word with its count, what waits for the presenter first, with
 * Hide (the word leaves the cloud) or Approve. Words are what phones typed: text only.
 */
export class WordModeration implements TypeSection {
  readonly after = document.createElement('div');
  readonly replacesResults = false;
  private readonly summary = textElement('p', 'console-queue-summary', '');
  private readonly list: KeyedList<WordTally>;
  private questionId = '';
  private revealed = false;

  constructor(private readonly actions: EntryActions) {
    this.after.className = 'console-queue';
    this.after.dataset.queue = 'words';
    const list = document.createElement('ol');
    list.className = 'console-entries console-entries--words';
    list.setAttribute('aria-label', 'Words, most sent first');
    this.list = new KeyedList(list, (word) => word.id, (word) => this.create(word), (item, word) => this.fill(item, word));
    this.after.append(this.summary, list);
  }

  update(view: PresenterView, question: Question): void {
    this.questionId = question.id;
    this.revealed = view.questions[question.id]?.revealed ?? false;
    const results = view.results[question.id];
    const words = results?.type === 'wordcloud' ? [...results.words].sort((a, b) => RANK[a.status] - RANK[b.status] || b.count - a.count) : [];
    const count = (status: WordTally['status']) => words.filter((word) => word.status === status).length;
    this.summary.textContent =
      words.length === 0
        ? 'No words yet.'
        : countsLine([
            [words.length, words.length === 1 ? 'word' : 'different words'],
            [count('pending'), 'waiting for you'],
            [count('hidden'), 'hidden'],
          ]);
    this.list.show(words);
  }

  dispose(): void {}

  private create(word: WordTally): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry console-entry--word';
    item.dataset.entryId = word.id;
    item.append(
      textElement('span', 'console-word-text', word.word),
      textElement('span', 'console-word-count', ''),
      document.createElement('span'),
      document.createElement('span'),
    );
    item.children[2]!.className = 'console-entry-tags';
    item.children[3]!.className = 'console-entry-actions';
    item.children[3]!.append(
      entryButton('Approve', 'approve', () => this.actions.moderate(this.questionId, word.id, 'approved')),
      entryButton('Hide', 'hide', () => this.actions.moderate(this.questionId, word.id, 'hidden')),
    );
    return item;
  }

  private fill(item: HTMLElement, word: WordTally): void {
    item.dataset.status = word.status;
    item.dataset.flagged = String(word.flagged);
    item.querySelector('.console-word-count')!.textContent = String(word.count);
    const tags = word.status === 'approved' ? [] : [statusTag(word.status, this.revealed)];
    if (word.flagged) tags.push(flaggedTag());
    item.querySelector('.console-entry-tags')!.replaceChildren(...tags);
    item.querySelector<HTMLButtonElement>('[data-action="approve"]')!.hidden = word.status === 'approved';
    item.querySelector<HTMLButtonElement>('[data-action="hide"]')!.hidden = word.status === 'hidden';
  }
}

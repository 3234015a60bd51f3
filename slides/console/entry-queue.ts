import type { Question } from '../../protocol/deck.ts';
import type { EntryStatus, PresenterView, Results } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { entryButton, type EntryActions } from './entry-actions.ts';
import { KeyedList } from './keyed-list.ts';
import type { TypeSection } from './type-section.ts';

/**
 * A list of what the audience typed, for the presenter to act on: a summary line, then
 * one item per entry, updated in place. The text answers' queue, the words and the Q&A
 * differ only in which entries they show, in what order, and with which buttons.
 */
export abstract class EntryQueue<T extends { id: string; status: EntryStatus }> implements TypeSection {
  readonly after = document.createElement('div');
  abstract readonly replacesResults: boolean;
  private readonly summary = textElement('p', 'console-queue-summary', '');
  private readonly list: KeyedList<T>;
  protected questionId = '';
  /** The question's results are on the projector: approved entries are on screen. */
  protected revealed = false;

  constructor(
    protected readonly actions: EntryActions,
    kind: 'text' | 'words' | 'qa',
    label: string,
  ) {
    this.after.className = 'console-queue';
    this.after.dataset.queue = kind;
    const list = document.createElement('ol');
    list.className = `console-entries console-entries--${kind}`;
    list.setAttribute('aria-label', label);
    this.list = new KeyedList(list, (entry) => entry.id, (entry) => this.create(entry), (item, entry) => this.fill(item, entry));
    this.after.append(this.summary, list);
  }

  update(view: PresenterView, question: Question): void {
    this.questionId = question.id;
    this.revealed = view.questions[question.id]?.revealed ?? false;
    const entries = this.entriesOf(view.results[question.id]);
    this.summary.textContent = this.summarise(entries);
    this.list.show(entries);
  }

  dispose(): void {}

  /** The entries in the order the presenter sees them. */
  protected abstract entriesOf(results: Results | undefined): T[];
  protected abstract summarise(entries: readonly T[]): string;
  protected abstract create(entry: T): HTMLElement;
  protected abstract fill(item: HTMLElement, entry: T): void;

  /** Approve and Hide for an entry. */
  protected moderationButtons(entryId: string): HTMLButtonElement[] {
    return [
      entryButton('Approve', 'approve', () => this.actions.moderate(this.questionId, entryId, 'approved')),
      entryButton('Hide', 'hide', () => this.actions.moderate(this.questionId, entryId, 'hidden')),
    ];
  }

  /** Only the button that changes something shows. */
  protected showModeration(item: HTMLElement, status: EntryStatus): void {
    item.querySelector<HTMLButtonElement>('[data-action="approve"]')!.hidden = status === 'approved';
    item.querySelector<HTMLButtonElement>('[data-action="hide"]')!.hidden = status === 'hidden';
  }

  protected countOf(entries: readonly T[], status: EntryStatus): number {
    return entries.filter((entry) => entry.status === status).length;
  }
}

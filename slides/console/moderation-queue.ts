import type { Question } from '../../protocol/deck.ts';
import type { PresenterView, TextEntry } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { entryButton, flaggedTag, statusTag, type EntryActions } from './entry-actions.ts';
import { KeyedList } from './keyed-list.ts';
import { countsLine, type TypeSection } from './type-section.ts';

/**
 * Open text answers as a moderation queue: what waits for the presenter first (the
 * profanity filter's catches, marked as such), then the newest. Approve puts an answer on
 * the projector, Hide takes it off. Answers are what phones typed: text only.
 */
export class ModerationQueue implements TypeSection {
  readonly after = document.createElement('div');
  readonly replacesResults = true;
  private readonly summary = textElement('p', 'console-queue-summary', '');
  private readonly list: KeyedList<TextEntry>;
  private questionId = '';
  private revealed = false;

  constructor(private readonly actions: EntryActions) {
    this.after.className = 'console-queue';
    this.after.dataset.queue = 'text';
    const list = document.createElement('ol');
    list.className = 'console-entries';
    list.setAttribute('aria-label', 'Answers to moderate');
    this.list = new KeyedList(list, (entry) => entry.id, (entry) => this.create(entry), (item, entry) => this.fill(item, entry));
    this.after.append(this.summary, list);
  }

  update(view: PresenterView, question: Question): void {
    this.questionId = question.id;
    this.revealed = view.questions[question.id]?.revealed ?? false;
    const results = view.results[question.id];
    const answers = results?.type === 'text' ? results.answers : [];
    const count = (status: TextEntry['status']) => answers.filter((answer) => answer.status === status).length;
    this.summary.textContent =
      answers.length === 0
        ? 'No answers yet. Clean answers appear on the projector at once; the filter’s catches wait here for you.'
        : countsLine([
            [count('pending'), 'waiting for you'],
            [count('approved'), this.revealed ? 'on screen' : 'approved'],
            [count('hidden'), 'hidden'],
          ]);
    this.list.show(answers);
  }

  dispose(): void {}

  private create(entry: TextEntry): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry';
    item.dataset.entryId = entry.id;
    const text = textElement('p', 'console-entry-text', entry.text);
    const tags = document.createElement('div');
    tags.className = 'console-entry-tags';
    const actions = document.createElement('div');
    actions.className = 'console-entry-actions';
    actions.append(
      entryButton('Approve', 'approve', () => this.actions.moderate(this.questionId, entry.id, 'approved')),
      entryButton('Hide', 'hide', () => this.actions.moderate(this.questionId, entry.id, 'hidden')),
    );
    item.append(text, tags, actions);
    return item;
  }

  private fill(item: HTMLElement, entry: TextEntry): void {
    item.dataset.status = entry.status;
    item.dataset.flagged = String(entry.flagged);
    const tags = item.querySelector('.console-entry-tags')!;
    tags.replaceChildren(statusTag(entry.status, this.revealed), ...(entry.flagged ? [flaggedTag()] : []));
    item.querySelector<HTMLButtonElement>('[data-action="approve"]')!.hidden = entry.status === 'approved';
    item.querySelector<HTMLButtonElement>('[data-action="hide"]')!.hidden = entry.status === 'hidden';
  }
}

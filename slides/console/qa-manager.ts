import type { Question } from '../../protocol/deck.ts';
import type { PresenterView, QaEntry } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { entryButton, flaggedTag, statusTag, tag, type EntryActions } from './entry-actions.ts';
import { KeyedList } from './keyed-list.ts';
import { countsLine, type TypeSection } from './type-section.ts';

const RANK: Record<QaEntry['status'], number> = { pending: 0, approved: 1, hidden: 2 };

/** Most votes first (the oldest first among equals); what waits for the presenter on top, hidden ones last. */
export function byVotes(questions: readonly QaEntry[]): QaEntry[] {
  return [...questions].sort((a, b) => RANK[a.status] - RANK[b.status] || b.votes - a.votes || a.askedAt - b.askedAt);
}

/**
 * The audience's questions, sorted by votes, each with Pin (the projector shows it large;
 * one at a time), Mark answered, and Hide or Approve. Questions are what phones typed: text only.
 */
export class QaManager implements TypeSection {
  readonly after = document.createElement('div');
  readonly replacesResults = true;
  private readonly summary = textElement('p', 'console-queue-summary', '');
  private readonly list: KeyedList<QaEntry>;
  private questionId = '';
  private revealed = false;

  constructor(private readonly actions: EntryActions) {
    this.after.className = 'console-queue';
    this.after.dataset.queue = 'qa';
    const list = document.createElement('ol');
    list.className = 'console-entries';
    list.setAttribute('aria-label', 'Audience questions, most votes first');
    this.list = new KeyedList(list, (entry) => entry.id, (entry) => this.create(entry), (item, entry) => this.fill(item, entry));
    this.after.append(this.summary, list);
  }

  update(view: PresenterView, question: Question): void {
    this.questionId = question.id;
    this.revealed = view.questions[question.id]?.revealed ?? false;
    const results = view.results[question.id];
    const questions = results?.type === 'qa' ? byVotes(results.questions) : [];
    const count = (check: (entry: QaEntry) => boolean) => questions.filter(check).length;
    this.summary.textContent =
      questions.length === 0
        ? 'No questions yet. Phones ask and upvote; the most wanted rise to the top.'
        : countsLine([
            [count((entry) => entry.status === 'pending'), 'waiting for you'],
            [count((entry) => entry.status === 'approved' && !entry.answered), 'open'],
            [count((entry) => entry.answered), 'answered'],
            [count((entry) => entry.status === 'hidden'), 'hidden'],
          ]);
    this.list.show(questions);
  }

  dispose(): void {}

  private create(entry: QaEntry): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry console-entry--qa';
    item.dataset.entryId = entry.id;
    const votes = document.createElement('p');
    votes.className = 'console-qa-votes';
    votes.append(textElement('strong', 'console-qa-count', ''), textElement('span', 'console-qa-unit', ''));
    const text = textElement('p', 'console-entry-text', entry.text);
    const tags = document.createElement('div');
    tags.className = 'console-entry-tags';
    const id = entry.id;
    const actions = document.createElement('div');
    actions.className = 'console-entry-actions';
    actions.append(
      entryButton('Pin', 'pin', () => this.actions.markQa(this.questionId, id, { pinned: true })),
      entryButton('Unpin', 'unpin', () => this.actions.markQa(this.questionId, id, { pinned: false })),
      entryButton('Mark answered', 'answered', () => this.actions.markQa(this.questionId, id, { answered: true })),
      entryButton('Not answered', 'unanswered', () => this.actions.markQa(this.questionId, id, { answered: false })),
      entryButton('Approve', 'approve', () => this.actions.moderate(this.questionId, id, 'approved')),
      entryButton('Hide', 'hide', () => this.actions.moderate(this.questionId, id, 'hidden')),
    );
    item.append(votes, text, tags, actions);
    return item;
  }

  private fill(item: HTMLElement, entry: QaEntry): void {
    item.dataset.status = entry.status;
    item.dataset.flagged = String(entry.flagged);
    item.dataset.pinned = String(entry.pinned);
    item.dataset.answered = String(entry.answered);
    item.querySelector('.console-qa-count')!.textContent = String(entry.votes);
    item.querySelector('.console-qa-unit')!.textContent = entry.votes === 1 ? 'vote' : 'votes';
    const tags: HTMLElement[] = [];
    if (entry.pinned) tags.push(tag(this.revealed ? 'Pinned · on screen' : 'Pinned', 'pinned'));
    if (entry.answered) tags.push(tag('Answered', 'answered'));
    // Approved is the normal case for a question: only the others say so.
    if (entry.status !== 'approved') tags.push(statusTag(entry.status, this.revealed));
    if (entry.flagged) tags.push(flaggedTag());
    item.querySelector('.console-entry-tags')!.replaceChildren(...tags);
    const show = (action: string, visible: boolean) => (item.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.hidden = !visible);
    const shown = entry.status === 'approved';
    show('pin', shown && !entry.pinned);
    show('unpin', entry.pinned);
    show('answered', shown && !entry.answered);
    show('unanswered', entry.answered);
    show('approve', !shown);
    show('hide', entry.status !== 'hidden');
  }
}

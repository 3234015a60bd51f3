import type { QaEntry, Results } from '../../protocol/session.ts';
import { textElement } from './dom.ts';
import { entryButton, flaggedTag, statusTag, tag, type EntryActions } from './entry-actions.ts';
import { EntryQueue } from './entry-queue.ts';
import { countsLine } from './type-section.ts';

const RANK: Record<QaEntry['status'], number> = { pending: 0, approved: 1, hidden: 2 };

/** Most votes first (the oldest first among equals); what waits for the presenter on top, hidden ones last. */
export function byVotes(questions: readonly QaEntry[]): QaEntry[] {
  return [...questions].sort((a, b) => RANK[a.status] - RANK[b.status] || b.votes - a.votes || a.askedAt - b.askedAt);
}

/**
 * The audience's questions, sorted by votes, each with Pin (the projector shows it large;
 * one at a time), Mark answered, and Hide or Approve. Questions are what phones typed: text only.
 */
export class QaManager extends EntryQueue<QaEntry> {
  readonly replacesResults = true;

  constructor(actions: EntryActions) {
    super(actions, 'qa', 'Audience questions, most votes first');
  }

  protected entriesOf(results: Results | undefined): QaEntry[] {
    return results && 'questions' in results ? byVotes(results.questions) : [];
  }

  protected summarise(questions: readonly QaEntry[]): string {
    if (questions.length === 0) return 'No questions yet. Phones ask and upvote; the most wanted rise to the top.';
    const count = (check: (entry: QaEntry) => boolean) => questions.filter(check).length;
    return countsLine([
      [this.countOf(questions, 'pending'), 'waiting for you'],
      [count((entry) => entry.status === 'approved' && !entry.answered), 'open'],
      [count((entry) => entry.answered), 'answered'],
      [this.countOf(questions, 'hidden'), 'hidden'],
    ]);
  }

  protected create(entry: QaEntry): HTMLElement {
    const item = document.createElement('li');
    item.className = 'console-entry console-entry--qa';
    item.dataset.entryId = entry.id;
    const votes = document.createElement('p');
    votes.className = 'console-qa-votes';
    votes.append(textElement('strong', 'console-qa-count', ''), textElement('span', 'console-qa-unit', ''));
    const tags = document.createElement('div');
    tags.className = 'console-entry-tags';
    const id = entry.id;
    const mark = (label: string, action: string, change: { answered?: boolean; pinned?: boolean }) =>
      entryButton(label, action, () => this.actions.markQa(this.questionId, id, change));
    const actions = document.createElement('div');
    actions.className = 'console-entry-actions';
    actions.append(
      mark('Pin', 'pin', { pinned: true }),
      mark('Unpin', 'unpin', { pinned: false }),
      mark('Mark answered', 'answered', { answered: true }),
      mark('Not answered', 'unanswered', { answered: false }),
      ...this.moderationButtons(id),
    );
    item.append(votes, textElement('p', 'console-entry-text', entry.text), tags, actions);
    return item;
  }

  protected fill(item: HTMLElement, entry: QaEntry): void {
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
    this.showModeration(item, entry.status);
  }
}

import type { EntryStatus } from '../../protocol/session.ts';
import type { StoredEntryMark } from '../store/records.ts';
import type { EntryState } from './question-types/question-type.ts';


const UNSEEN: EntryState = { status: 'approved', flagged: false, answered: false, pinned: false };

/**
 * The moderation queue: every typed entry (text answer, Q&A question, word) with its
 * status. A clean entry is approved as it arrives; one the profanity filter flags waits
 * as pending for the presenter, who may approve or hide anything at any time.
 */
export class ModerationBook {
  private readonly byQuestion = new Map<string, Map<string, EntryState>>();

  /** An answer made this entry. The first time decides whether it is flagged. */
  register(questionId: string, entryId: string, flagged: boolean): void {
    const entries = this.entries(questionId);
    if (entries.has(entryId)) return;
    entries.set(entryId, { status: flagged ? 'pending' : 'approved', flagged, answered: false, pinned: false });
  }

  /** The answer behind the entry was replaced by a newer one. */
  forget(questionId: string, entryId: string): void {
    this.byQuestion.get(questionId)?.delete(entryId);
  }

  has(questionId: string, entryId: string): boolean {
    return this.byQuestion.get(questionId)?.has(entryId) ?? false;
  }

  state(questionId: string, entryId: string): EntryState {
    return this.byQuestion.get(questionId)?.get(entryId) ?? UNSEEN;
  }

  /** The marks a status change would make (none when it already holds); changes nothing yet. */
  proposeStatus(questionId: string, entryId: string, status: EntryStatus): StoredEntryMark[] {
    const entry = this.byQuestion.get(questionId)?.get(entryId);
    if (!entry || entry.status === status) return [];
    return [toMark(questionId, entryId, { ...entry, status })];
  }

  /** The marks answered/pinned would make (pinning one unpins the others); changes nothing yet. */
  proposeQaMarks(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): StoredEntryMark[] {
    const entries = this.byQuestion.get(questionId);
    const entry = entries?.get(entryId);
    if (!entries || !entry) return [];
    const changed: StoredEntryMark[] = [];
    if (marks.pinned === true) {
      for (const [otherId, other] of entries) {
        if (otherId !== entryId && other.pinned) changed.push(toMark(questionId, otherId, { ...other, pinned: false }));
      }
    }
    const after = { ...entry, answered: marks.answered ?? entry.answered, pinned: marks.pinned ?? entry.pinned };
    if (after.answered !== entry.answered || after.pinned !== entry.pinned) changed.push(toMark(questionId, entryId, after));
    return changed;
  }

  /** Applies a committed decision, live or after a restart (entries of discarded answers are gone: skipped). */
  restore(mark: StoredEntryMark): void {
    const entry = this.byQuestion.get(mark.questionId)?.get(mark.entryId);
    if (entry) Object.assign(entry, { status: mark.status, answered: mark.answered, pinned: mark.pinned });
  }

  clear(questionId: string): void {
    this.byQuestion.delete(questionId);
  }

  private entries(questionId: string): Map<string, EntryState> {
    let entries = this.byQuestion.get(questionId);
    if (!entries) this.byQuestion.set(questionId, (entries = new Map()));
    return entries;
  }
}

function toMark(questionId: string, entryId: string, entry: EntryState): StoredEntryMark {
  return { questionId, entryId, status: entry.status, answered: entry.answered, pinned: entry.pinned };
}

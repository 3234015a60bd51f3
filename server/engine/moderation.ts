import type { EntryStatus } from '../../protocol/session.ts';
import type { EntryState } from './question-types/question-type.ts';

/** A presenter's decision about one entry, as stored. */
export interface StoredEntryMark {
  questionId: string;
  entryId: string;
  status: EntryStatus;
  answered: boolean;
  pinned: boolean;
}

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

  /** Sets the status; returns the marks that changed (none when it already held). */
  setStatus(questionId: string, entryId: string, status: EntryStatus): StoredEntryMark[] {
    const entry = this.byQuestion.get(questionId)?.get(entryId);
    if (!entry || entry.status === status) return [];
    entry.status = status;
    return [toMark(questionId, entryId, entry)];
  }

  /** Marks a Q&A entry answered and/or pinned; pinning one unpins the others. */
  setQaMarks(questionId: string, entryId: string, marks: { answered?: boolean; pinned?: boolean }): StoredEntryMark[] {
    const entries = this.byQuestion.get(questionId);
    const entry = entries?.get(entryId);
    if (!entries || !entry) return [];
    const changed: StoredEntryMark[] = [];
    if (marks.pinned === true) {
      for (const [otherId, other] of entries) {
        if (otherId === entryId || !other.pinned) continue;
        other.pinned = false;
        changed.push(toMark(questionId, otherId, other));
      }
    }
    const before = { answered: entry.answered, pinned: entry.pinned };
    if (marks.answered !== undefined) entry.answered = marks.answered;
    if (marks.pinned !== undefined) entry.pinned = marks.pinned;
    if (entry.answered !== before.answered || entry.pinned !== before.pinned) changed.push(toMark(questionId, entryId, entry));
    return changed;
  }

  /** Puts back a decision saved before a restart (entries of discarded answers are gone: skipped). */
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

import type { StorageProblem, StorageStatus } from '../../protocol/session.ts';
import type { RecordKind } from './records.ts';

/** What the people in the room lose when records of a kind cannot be written. */
const SUBJECT: Record<RecordKind, string> = {
  answer: 'answers',
  vote: 'upvotes',
  nickname: 'nicknames',
  'entry-mark': 'moderation decisions',
  discard: 'question resets',
  cursor: "the talk's position and question states",
  'question-state': "the talk's position and question states",
  reactions: 'reactions',
};

export const subjectOf = (kind: RecordKind) => SUBJECT[kind];

/** Why a write failed, in words a presenter can act on; `location` is the data folder. */
export function describeStorageError(error: unknown, location: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `the disk holding ${location} is full`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return `${location} is read-only`;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return `cannot write to ${location} (${code}: ${message})`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `the database in ${location} is locked by another program`;
  return `${message}${code ? ` (${code})` : ''}`;
}

/** Which kinds of records are not being saved, and why: for the console banner and /healthz. */
export class StorageHealth {
  private readonly problems = new Map<string, string>();

  constructor(private readonly changed: (status: StorageStatus) => void) {}

  failed(kinds: Iterable<RecordKind>, reason: string): void {
    let different = false;
    for (const subject of new Set([...kinds].map(subjectOf))) {
      if (this.problems.get(subject) === reason) continue;
      this.problems.set(subject, reason);
      different = true;
    }
    if (different) this.changed(this.status());
  }

  saved(kinds: Iterable<RecordKind>): void {
    let different = false;
    for (const subject of new Set([...kinds].map(subjectOf))) different = this.problems.delete(subject) || different;
    if (different) this.changed(this.status());
  }

  status(): StorageStatus {
    const problems: StorageProblem[] = [...this.problems].map(([subject, reason]) => ({
      subject,
      reason,
      message: `${subject} are not being saved: ${reason}`,
    }));
    return { ok: problems.length === 0, problems };
  }
}

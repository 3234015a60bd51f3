import { failure, type Failure } from '../../protocol/errors.ts';
import type { EntryMark } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { EntryStatus } from '../../protocol/session.ts';
import { markRecord, type StoredEntryMark } from '../store/records.ts';
import type { Proposal } from './effects.ts';
import { moduleFor } from './question-types/index.ts';
import type { QuestionTypeModule } from './question-types/question-type.ts';
import type { SessionState } from './session-state.ts';

/** Presenter approves or hides a typed entry (text answer, Q&A question, word): the marks to commit. */
export function proposeModeration(session: SessionState, questionId: string, entryId: string, status: EntryStatus): Proposal<{ entry: EntryMark }> {
  const found = findEntry(session, questionId, entryId, (module) => module.entryOf !== undefined, 'text answers, Q&A questions and word-cloud words');
  if (!found.ok) return found;
  return markProposal(session, questionId, entryId, session.moderation.proposeStatus(questionId, entryId, status));
}

/** Presenter marks a Q&A question answered and/or pinned (one pinned question at a time): the marks to commit. */
export function proposeQaMarks(
  session: SessionState,
  questionId: string,
  entryId: string,
  marks: { answered?: boolean; pinned?: boolean },
): Proposal<{ entry: EntryMark }> {
  const found = findEntry(session, questionId, entryId, (module) => module.votedEntries === true, 'Q&A questions');
  if (!found.ok) return found;
  return markProposal(session, questionId, entryId, session.moderation.proposeQaMarks(questionId, entryId, marks));
}

/** The entry, when its question's type takes this command (`applies`, described as `what`) and the entry exists. */
function findEntry(
  session: SessionState,
  questionId: string,
  entryId: string,
  applies: (module: QuestionTypeModule) => boolean,
  what: string,
): { ok: true } | Failure {
  const question = session.question(questionId);
  if (!question) return failure('not_found', `no question with id "${questionId}" in this deck`);
  if (!applies(moduleFor(question))) return failure('bad_request', `"${questionId}" is a ${question.type} question: this only applies to ${what}`);
  if (!session.moderation.has(questionId, entryId)) return failure('not_found', `question "${questionId}" has no entry "${entryId.slice(0, LIMITS.idMaxLength)}"`);
  return { ok: true };
}

function markProposal(session: SessionState, questionId: string, entryId: string, marks: StoredEntryMark[]): Proposal<{ entry: EntryMark }> {
  const now = session.moderation.state(questionId, entryId);
  const { status, answered, pinned } = marks.find((changed) => changed.entryId === entryId) ?? now;
  return { ok: true, entry: { questionId, entryId, status, flagged: now.flagged, answered, pinned }, records: marks.map(markRecord) };
}

import type { Question } from '../../protocol/deck.ts';
import { failure } from '../../protocol/errors.ts';
import type { AnswerSubmit } from '../../protocol/events.ts';
import type { OwnAnswer } from '../../protocol/session.ts';
import { voteRecord, type RecordOf, type StoredAnswer, type StoredVote } from '../store/records.ts';
import type { Proposal } from './effects.ts';
import { moduleFor } from './question-types/index.ts';
import { tooEarly } from './question-types/quiz-timing.ts';
import { toOwnAnswer, type SessionState } from './session-state.ts';

/**
 * The phones' answers and upvotes: checked into records to commit (propose), and counted
 * once committed (count). How a type's answers count (replace, final, collect) and which
 * entries they make come from the type's module.
 */

/** Counts an answer: in the answer book, and as a moderated entry when the type has them. */
export function countAnswer(session: SessionState, question: Question, answer: StoredAnswer): void {
  const module = moduleFor(question);
  if (module.answerMode === 'final' && session.answers.of(question.id, answer.participantId).length > 0) return;
  const replaced = session.answers.record(answer, module.answerMode);
  if (!module.entryOf) return;
  const entry = module.entryOf(question, answer);
  for (const old of replaced) {
    const oldId = module.entryOf(question, old).id;
    if (oldId !== entry.id) session.moderation.forget(question.id, oldId);
  }
  if (!session.moderation.has(question.id, entry.id)) session.moderation.register(question.id, entry.id, session.isProfane(entry.text));
}

/**
 * A phone answers, or changes its answer: the record to commit. A re-sent answer id that
 * was committed counts once (duplicate); one that never was is checked and written again.
 */
export function proposeAnswer(session: SessionState, participantId: string, submit: AnswerSubmit, now: number): Proposal<{ answer: OwnAnswer; duplicate: boolean }> {
  const question = session.question(submit.questionId);
  if (!question) return failure('not_found', `no question with id "${submit.questionId}" in this deck`);

  const owner = session.answers.ownerOf(submit.answerId);
  if (owner !== undefined) {
    if (owner !== participantId && owner !== '') {
      return failure('conflict', 'this answer id belongs to another participant — make a new id for each answer');
    }
    const same = session.answers.find(question.id, submit.answerId);
    const current = same ? toOwnAnswer(same) : session.ownAnswer(question.id, participantId);
    if (current) return { ok: true, answer: current, duplicate: true, records: [] };
    // The answer was discarded by a reset: acknowledge it without counting it again.
    return { ok: true, answer: { ...submit, answeredAt: now }, duplicate: true, records: [] };
  }

  const state = session.states.get(question.id)!;
  if (state.status !== 'open') {
    return failure('closed', state.status === 'closed' ? 'this question is closed' : 'this question is not open yet');
  }
  if (state.closesAt !== undefined && now > state.closesAt) return failure('closed', "time is up for this quiz question");
  const early = tooEarly(state, now);
  if (early) return early;
  const module = moduleFor(question);
  const checked = module.checkAnswer(question, submit.value);
  if (!checked.ok) return failure('bad_request', checked.message, checked.detail);

  // The record to commit is the stored answer too (the engine counts the committed record itself).
  const stored: RecordOf<'answer'> = { kind: 'answer', questionId: question.id, participantId, answerId: submit.answerId, value: checked.value, answeredAt: now };
  // A replacing answer (a poll's) does not look at the phone's earlier ones.
  if (module.answerMode === 'final' && session.answers.of(question.id, participantId).length > 0) {
    return failure('conflict', 'you already answered this quiz question — quiz answers are final');
  }
  if (module.answerMode === 'collect') {
    const earlier = session.answers.of(question.id, participantId);
    const most = module.maxAnswers?.(question) ?? 1;
    if (earlier.length >= most) return failure('conflict', `you have sent the ${most} answer(s) this question takes`, { reason: 'answer_limit', most });
    const entry = module.entryOf?.(question, stored);
    if (entry && earlier.some((answer) => module.entryOf!(question, answer).id === entry.id)) {
      return failure('conflict', `you already sent "${entry.text}"`, { reason: 'already_sent', text: entry.text });
    }
  }
  return { ok: true, answer: toOwnAnswer(stored), duplicate: false, records: [stored] };
}

/** A phone upvotes another phone's Q&A question: the record to commit; voting twice changes nothing. */
export function proposeVote(
  session: SessionState,
  participantId: string,
  questionId: string,
  entryId: string,
  now: number,
): Proposal<{ entryId: string; votes: number; duplicate: boolean }> {
  const question = session.question(questionId);
  if (!question) return failure('not_found', `no question with id "${questionId}" in this deck`);
  if (!moduleFor(question).votedEntries) return failure('bad_request', `"${questionId}" is a ${question.type} question: only Q&A questions take upvotes`);
  if (session.states.get(questionId)!.status !== 'open') return failure('closed', 'this Q&A is closed');
  const asked = session.answers.find(questionId, entryId);
  if (!asked || session.moderation.state(questionId, entryId).status !== 'approved') {
    return failure('not_found', 'there is no such question to upvote (it may have been hidden)');
  }
  if (asked.participantId === participantId) return failure('conflict', 'you cannot upvote your own question', { reason: 'own_question' });
  const votes = session.votes.count(questionId, entryId);
  if (session.votes.entriesVotedBy(questionId, participantId).includes(entryId)) return { ok: true, entryId, votes, duplicate: true, records: [] };
  const vote: StoredVote = { questionId, entryId, participantId, votedAt: now };
  return { ok: true, entryId, votes: votes + 1, duplicate: false, records: [voteRecord(vote)] };
}

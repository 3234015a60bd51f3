import { nicknameKey, type SessionRecord } from './records.ts';
import type { Statements } from './sqlite-statements.ts';

/** Writes one committed record into the embedded store's tables (the caller holds the transaction). */
export function commitRecord(statements: Statements, sessionId: string, record: SessionRecord): void {
  const s = statements;
  switch (record.kind) {
    case 'answer':
      s.insertAnswer.run(sessionId, record.questionId, record.participantId, record.answerId, JSON.stringify(record.value), record.answeredAt);
      break;
    case 'vote':
      s.insertVote.run(sessionId, record.questionId, record.entryId, record.participantId, record.votedAt);
      break;
    case 'nickname':
      // The engine has checked the nickname is free; the unique index is the last guard.
      s.saveNickname.run(sessionId, record.participantId, record.nickname, nicknameKey(record.nickname), record.at);
      break;
    case 'entry-mark':
      s.saveEntryMark.run(sessionId, record.questionId, record.entryId, record.status, record.answered ? 1 : 0, record.pinned ? 1 : 0);
      break;
    case 'discard':
      // A reset: the answers are marked discarded; their moderation marks and upvotes go.
      s.discardAnswers.run(sessionId, record.questionId);
      s.deleteEntryMarks.run(sessionId, record.questionId);
      s.deleteVotes.run(sessionId, record.questionId);
      break;
    case 'cursor':
      s.saveCursor.run(record.cursor.h, record.cursor.v, record.cursor.f, record.at, sessionId);
      break;
    case 'question-state': {
      const { questionId, status, revealed, openedAt, closedAt, closesAt } = record.state;
      s.saveQuestionState.run(sessionId, questionId, status, revealed ? 1 : 0, openedAt, closedAt, closesAt ?? null);
      break;
    }
    case 'reactions':
      for (const { slideIndex, counts } of record.bursts) {
        for (const [emoji, count] of Object.entries(counts)) s.addReactions.run(sessionId, slideIndex, emoji, count);
      }
      break;
  }
}

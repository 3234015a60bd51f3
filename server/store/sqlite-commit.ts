import { nicknameKey, type RecordOf, type SessionRecord } from './records.ts';
import { ANSWERS_PER_INSERT, type Statements } from './sqlite-statements.ts';

/**
 * Writes committed records into the embedded store's tables, in order (the caller holds the
 * transaction). Answers that follow each other (a burst's batch is nothing else) go in
 * ANSWERS_PER_INSERT rows per statement; the rest one record at a time.
 */
export function commitRecords(statements: Statements, sessionId: string, records: readonly SessionRecord[]): void {
  const rows: unknown[] = [];
  let at = 0;
  while (at < records.length) {
    const record = records[at]!;
    if (record.kind !== 'answer') {
      commitRecord(statements, sessionId, record);
      at += 1;
      continue;
    }
    let end = at;
    while (end < records.length && records[end]!.kind === 'answer') end += 1;
    for (; at + ANSWERS_PER_INSERT <= end; at += ANSWERS_PER_INSERT) {
      rows.length = 0;
      for (let i = at; i < at + ANSWERS_PER_INSERT; i += 1) pushAnswerRow(rows, sessionId, records[i] as RecordOf<'answer'>);
      statements.insertAnswers.run(rows);
    }
    for (; at < end; at += 1) commitRecord(statements, sessionId, records[at]!);
  }
}

/** One answer's row, in the order of ANSWER_ROW's parameters. */
function pushAnswerRow(rows: unknown[], sessionId: string, answer: RecordOf<'answer'>): void {
  rows.push(sessionId, answer.questionId, answer.participantId, answer.answerId, JSON.stringify(answer.value), answer.answeredAt);
}

/** Writes one committed record into the embedded store's tables. */
function commitRecord(statements: Statements, sessionId: string, record: SessionRecord): void {
  const s = statements;
  switch (record.kind) {
    case 'answer': {
      const row: unknown[] = [];
      pushAnswerRow(row, sessionId, record);
      s.insertAnswer.run(row);
      break;
    }
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

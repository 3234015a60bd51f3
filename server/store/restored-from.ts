import type { Reaction, SlideCursor } from '../../protocol/session.ts';
import { NicknameBook } from '../engine/nicknames.ts';
import type { RestoredQuestionState, RestoredSession, SessionRecord, StoredEntryMark, StoredResponse, StoredVote } from './records.ts';

/**
 * What a log of records adds up to, in the shape a store reads back: the same as the
 * embedded store's tables after committing those records in order (a reset discards the
 * question's answers and drops its marks and upvotes; a re-sent answer id counts once).
 */
export function restoredFrom(records: readonly SessionRecord[]): RestoredSession {
  let cursor: SlideCursor = { h: 0, v: 0, f: -1 };
  const states = new Map<string, RestoredQuestionState>();
  const nicknames = new NicknameBook();
  const marks = new Map<string, StoredEntryMark>();
  const votes = new Map<string, StoredVote>();
  const reactions = new Map<number, Map<Reaction, number>>();
  for (const record of records) {
    switch (record.kind) {
      case 'vote': {
        const { kind: _kind, ...vote } = record;
        const key = `${vote.questionId}/${vote.entryId}/${vote.participantId}`;
        if (!votes.has(key)) votes.set(key, vote);
        break;
      }
      case 'nickname':
        // The same rule as the engine's fold: a nickname someone else holds is not taken.
        nicknames.take(record.participantId, record.nickname);
        break;
      case 'entry-mark': {
        const { kind: _kind, ...mark } = record;
        marks.set(`${mark.questionId}/${mark.entryId}`, mark);
        break;
      }
      case 'discard':
        for (const [key, mark] of marks) if (mark.questionId === record.questionId) marks.delete(key);
        for (const [key, vote] of votes) if (vote.questionId === record.questionId) votes.delete(key);
        break;
      case 'cursor':
        cursor = record.cursor;
        break;
      case 'question-state':
        states.set(record.state.questionId, record.state);
        break;
      case 'reactions':
        for (const { slideIndex, counts } of record.bursts) {
          const slide = reactions.get(slideIndex) ?? new Map<Reaction, number>();
          for (const [emoji, count] of Object.entries(counts)) slide.set(emoji as Reaction, (slide.get(emoji as Reaction) ?? 0) + (count ?? 0));
          reactions.set(slideIndex, slide);
        }
        break;
    }
  }
  const all = responsesFrom(records);
  return {
    cursor,
    questionStates: [...states.values()],
    answers: all.filter((answer) => !answer.discarded).map(({ discarded: _discarded, ...answer }) => answer),
    discardedAnswerIds: all.filter((answer) => answer.discarded).map((answer) => answer.answerId),
    nicknames: nicknames.all(),
    entryMarks: [...marks.values()],
    votes: [...votes.values()],
    reactions: [...reactions].sort(([a], [b]) => a - b).map(([slideIndex, counts]) => ({ slideIndex, counts: Object.fromEntries(counts) })),
  };
}

/** Every answer of the log once per id, oldest first, with whether a reset discarded it: the export's responses. */
export function responsesFrom(records: readonly SessionRecord[]): StoredResponse[] {
  const answers = new Map<string, StoredResponse>();
  for (const record of records) {
    if (record.kind === 'answer') {
      const { kind: _kind, ...answer } = record;
      if (!answers.has(answer.answerId)) answers.set(answer.answerId, { ...answer, discarded: false });
    } else if (record.kind === 'discard') {
      for (const answer of answers.values()) if (answer.questionId === record.questionId) answer.discarded = true;
    }
  }
  return [...answers.values()];
}

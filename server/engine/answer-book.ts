import type { StoredAnswer } from '../store/records.ts';
import type { AnswerMode } from './question-types/question-type.ts';

/** Asked for a participant's answers before its first: one shared empty list, not one per answer. */
const NO_ANSWERS: readonly StoredAnswer[] = Object.freeze([]);
const NO_ANSWER_LISTS: readonly (readonly StoredAnswer[])[] = Object.freeze([]);

/**
 * Who answered what: per question, each participant's counted answers (one for most types,
 * several for word clouds and Q&A), and every answer id ever accepted, so a re-sent answer
 * counts once, even after the answer was replaced or discarded by a reset.
 */
export class AnswerBook {
  /** questionId → participantId → counted answers, oldest first. */
  private readonly byQuestion = new Map<string, Map<string, StoredAnswer[]>>();
  /** answerId → participantId ('' once discarded by a reset). */
  private readonly owners = new Map<string, string>();

  constructor(questionIds: Iterable<string>) {
    for (const questionId of questionIds) this.byQuestion.set(questionId, new Map());
  }

  /** Who sent this answer id: a participant id, '' for a discarded answer, undefined if never seen. */
  ownerOf(answerId: string): string | undefined {
    return this.owners.get(answerId);
  }

  forgetOwner(answerId: string): void {
    this.owners.set(answerId, '');
  }

  of(questionId: string, participantId: string): readonly StoredAnswer[] {
    return this.byQuestion.get(questionId)?.get(participantId) ?? NO_ANSWERS;
  }

  find(questionId: string, answerId: string): StoredAnswer | undefined {
    const owner = this.owners.get(answerId);
    return owner ? this.of(questionId, owner).find((answer) => answer.answerId === answerId) : undefined;
  }

  /** Counts an answer; returns the answers it replaced (replace mode), which no longer count. */
  record(answer: StoredAnswer, mode: AnswerMode): StoredAnswer[] {
    const byParticipant = this.byQuestion.get(answer.questionId);
    if (!byParticipant) return [];
    this.owners.set(answer.answerId, answer.participantId);
    const previous = byParticipant.get(answer.participantId) ?? [];
    if (mode === 'replace') {
      byParticipant.set(answer.participantId, [answer]);
      return previous;
    }
    byParticipant.set(answer.participantId, [...previous, answer]);
    return [];
  }

  respondents(questionId: string): number {
    return this.byQuestion.get(questionId)?.size ?? 0;
  }

  /** Every counted answer to a question. */
  all(questionId: string): StoredAnswer[] {
    // A loop, not a spread and a flat: every results update reads every answer so far.
    const answers: StoredAnswer[] = [];
    for (const counted of this.byQuestion.get(questionId)?.values() ?? NO_ANSWER_LISTS) {
      for (let i = 0; i < counted.length; i += 1) answers.push(counted[i]!);
    }
    return answers;
  }

  /** participantId → first counted answer (a quiz's only answer). */
  firstAnswers(questionId: string): Map<string, StoredAnswer> {
    const first = new Map<string, StoredAnswer>();
    for (const [participantId, answers] of this.byQuestion.get(questionId) ?? []) {
      if (answers[0]) first.set(participantId, answers[0]);
    }
    return first;
  }

  answeredBy(participantId: string): string[] {
    return [...this.byQuestion].filter(([, byParticipant]) => byParticipant.has(participantId)).map(([id]) => id);
  }

  /** A reset: the answers stop counting, their ids stay known so a late re-send is not counted again. */
  discard(questionId: string): number {
    const byParticipant = this.byQuestion.get(questionId);
    if (!byParticipant) return 0;
    const count = byParticipant.size;
    for (const answers of byParticipant.values()) for (const answer of answers) this.owners.set(answer.answerId, '');
    byParticipant.clear();
    return count;
  }
}

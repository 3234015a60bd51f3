import type { QaQuestion } from '../../../protocol/deck.ts';
import { LIMITS } from '../../../protocol/limits.ts';
import type { QaEntry } from '../../../protocol/session.ts';
import { listFor } from './moderated-entries.ts';
import type { QuestionTypeRules } from './question-type.ts';
import { answerText, checkTypedAnswer } from './typed-text.ts';

/** Audience Q&A: each phone may ask several questions; others upvote them (see ../qa-votes.ts). */
export const qaQuestion: QuestionTypeRules<QaQuestion> = {
  maxAnswers: () => LIMITS.qaQuestionsPerParticipant,

  checkAnswer: (question, value) =>
    checkTypedAnswer(value, { maxLength: question.maxLength, what: 'question', singleLine: false, shape: 'a Q&A question' }),

  entryOf: (_question, answer) => ({ id: answer.answerId, text: answerText(answer) }),
  votedEntries: true,

  tally(question, context) {
    const entries: QaEntry[] = context.answers.map((answer) => {
      const { status, flagged, answered, pinned } = context.entry(answer.answerId);
      return { id: answer.answerId, text: answerText(answer), askedAt: answer.answeredAt, votes: context.votes(answer.answerId), answered, pinned, status, flagged };
    });
    return {
      type: 'qa',
      questionId: question.id,
      responses: context.respondents,
      questions: listFor(entries, context, (a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.askedAt - b.askedAt),
    };
  },
};

import type { Question } from '../../protocol/deck.ts';
import { forResults } from '../../protocol/question-results.ts';
import { QUESTION_TYPE_FACTS } from '../../protocol/question-types.ts';
import type { EntryStatus } from '../../protocol/session.ts';
import type { FinalSession } from './final-results.ts';
import { TYPE_SUMMARIES, type TypeSummary } from './type-summaries.ts';

/** `handsup export results --format json`: the shape is documented in docs/operations.md. */
export const RESULTS_JSON_FORMAT = 'handsup-results/1';

export interface QuestionSummary extends TypeSummary {
  id: string;
  type: Question['type'];
  question: string;
  /** 1-based, as in the PDF. */
  slide: number;
  status: 'pending' | 'open' | 'closed';
  /** Participants with a counted answer. */
  responses: number;
  compare?: string;
  /** Typed answers (words) in each moderation state; only approved ones are listed above. */
  moderation?: Record<EntryStatus, number>;
}

export interface ResultsJson {
  format: typeof RESULTS_JSON_FORMAT;
  session: { id: string; joinCode: string; deckTitle: string; deckFile: string; startedAt: string; exportedAt: string; participants: number };
  questions: QuestionSummary[];
  quiz: {
    questions: number;
    played: number;
    players: number;
    leaderboard: { rank: number; name: string; participant: string; points: number; rightAnswers: number }[];
  } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function moderationCounts(final: FinalSession, questionId: string): Record<EntryStatus, number> {
  const counts: Record<EntryStatus, number> = { approved: 0, pending: 0, hidden: 0 };
  for (const answer of final.engine.countedAnswers(questionId)) {
    const status = final.engine.moderationOf(answer);
    if (status) counts[status] += 1;
  }
  return counts;
}

/**
 * Every question's final results for organisers: totals, distributions and averages,
 * the approved words, answers and Q&A questions, and the full quiz leaderboard. Like the
 * PDF it reveals every quiz answer; participants appear as the CSV's pseudonyms.
 */
export function resultsJson(final: FinalSession, now = Date.now()): ResultsJson {
  const { engine, source, pseudonyms } = final;
  const questions = source.deck.questions.map((question): QuestionSummary => {
    const results = engine.fullResults(question.id)!;
    return {
      id: question.id,
      type: question.type,
      question: question.question,
      slide: question.slideIndex + 1,
      status: engine.questionState(question.id)?.status ?? 'pending',
      responses: results.responses,
      ...(question.compare ? { compare: question.compare } : {}),
      ...forResults(TYPE_SUMMARIES, results, question),
      ...(QUESTION_TYPE_FACTS[question.type].moderated ? { moderation: moderationCounts(final, question.id) } : {}),
    };
  });
  const board = engine.quizBoard();
  const participants = new Set(
    final.responses.filter((response) => !response.discarded && source.deck.questions.some((question) => question.id === response.questionId)).map((response) => response.participantId),
  );
  return {
    format: RESULTS_JSON_FORMAT,
    session: {
      id: source.session.id,
      joinCode: source.session.joinCode,
      deckTitle: source.session.deckTitle,
      deckFile: source.deck.file,
      startedAt: iso(source.session.startedAt),
      exportedAt: iso(now),
      participants: participants.size,
    },
    questions,
    quiz: board && {
      questions: board.quizzes,
      played: board.settled,
      players: board.players,
      leaderboard: engine.quizRanking().map((player) => ({
        rank: player.rank,
        name: player.name,
        participant: pseudonyms.of(player.participantId),
        points: player.points,
        rightAnswers: player.rightAnswers,
      })),
    },
  };
}

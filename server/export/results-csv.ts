import { stringify } from 'csv-stringify/sync';
import type { Question } from '../../protocol/deck.ts';
import type { AnswerValue } from '../../protocol/session.ts';
import { isRightAnswer } from '../engine/quiz-scoring.ts';
import type { FinalSession } from './final-results.ts';

export const CSV_COLUMNS = [
  'question_id',
  'question_type',
  'question',
  'participant',
  'answered_at',
  'answer',
  'option_number',
  'status',
  'moderation',
  'correct',
  'points',
  'streak_bonus',
  'votes',
] as const;

type Cell = string | number;
type Row = Record<(typeof CSV_COLUMNS)[number], Cell>;

/**
 * Why a stored response does or does not count:
 * - counted: it is in the results;
 * - changed: the same phone answered again and its later answer counts instead;
 * - reset: the presenter reset the question, which discarded it;
 * - not in deck: the deck exported with has no question of that id.
 */
export type ResponseStatus = 'counted' | 'changed' | 'reset' | 'not in deck';

function answerText(question: Question, value: AnswerValue): { answer: Cell; optionNumber: string } {
  if ('options' in value) {
    const options = 'options' in question ? question.options : [];
    return {
      answer: value.options.map((index) => options[index] ?? `option ${index + 1}`).join('; '),
      optionNumber: value.options.map((index) => String(index + 1)).join(';'),
    };
  }
  if ('value' in value) return { answer: value.value, optionNumber: '' };
  return { answer: value.text, optionNumber: '' };
}

/**
 * Every response of the session, one row each, oldest first. Participants appear as
 * pseudonyms (P0001…), never as the ids their phones made. Responses that no longer count
 * stay in, marked in `status`, so the rows add up to what the room did; the counted rows
 * add up to the results. Cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) get a leading apostrophe.
 */
export function resultsCsv(final: FinalSession, options: { bom: boolean }): string {
  const { engine, source, pseudonyms } = final;
  const questions = new Map(source.deck.questions.map((question) => [question.id, question]));
  const counted = new Map<string, Set<string>>();
  const votes = new Map<string, Map<string, number>>();
  for (const question of source.deck.questions) {
    counted.set(question.id, new Set(engine.countedAnswers(question.id).map((answer) => answer.answerId)));
    const results = engine.fullResults(question.id);
    if (results && 'questions' in results) votes.set(question.id, new Map(results.questions.map((entry) => [entry.id, entry.votes])));
  }

  const rows = final.responses.map((response): Row => {
    const question = questions.get(response.questionId);
    const status: ResponseStatus = !question
      ? 'not in deck'
      : response.discarded
        ? 'reset'
        : counted.get(question.id)!.has(response.answerId)
          ? 'counted'
          : 'changed';
    const { answer, optionNumber } = question ? answerText(question, response.value) : { answer: JSON.stringify(response.value), optionNumber: '' };
    const score = status === 'counted' ? engine.quizScore(response.participantId, response.questionId) : undefined;
    return {
      question_id: response.questionId,
      question_type: question?.type ?? '',
      question: question?.question ?? '',
      participant: pseudonyms.of(response.participantId),
      answered_at: new Date(response.answeredAt).toISOString(),
      answer,
      option_number: optionNumber,
      status,
      moderation: status === 'counted' ? (engine.moderationOf(response) ?? '') : '',
      correct: question && 'correct' in question ? (isRightAnswer(question, response.value) ? 'yes' : 'no') : '',
      points: score ? score.points : '',
      streak_bonus: score ? score.bonus : '',
      votes: status === 'counted' ? (votes.get(response.questionId)?.get(response.answerId) ?? '') : '',
    };
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], escape_formulas: true, bom: options.bom, record_delimiter: 'windows' });
}

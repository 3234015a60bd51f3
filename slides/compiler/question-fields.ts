/**
 * Which poll block fields each question type takes (the protocol's QUESTION_BLOCKS), for
 * the messages that tell a presenter which types take a misplaced field.
 */
import { QUESTION_BLOCKS, QUESTION_TYPES, type QuestionType } from '../../protocol/question-types.ts';

export { isQuestionType } from '../../protocol/question-types.ts';

export const COMMON_FIELDS = ['id', 'type', 'question', 'results', 'compare'] as const;

export const ALL_FIELDS: readonly string[] = [
  ...COMMON_FIELDS,
  ...new Set(QUESTION_TYPES.flatMap((type) => QUESTION_BLOCKS[type].fields)),
];

/**
 * Fields whose scalars are read as the text the presenter typed (`1.0` stays "1.0",
 * `true` stays "true"), because they are shown to people, not computed with.
 */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(['id', 'question', 'compare', 'options', 'correct', 'labels']);

/** In the order a block is usually written: what it is, its own settings, then who sees what. */
export function fieldsOf(type: QuestionType): string[] {
  return ['id', 'type', 'question', ...QUESTION_BLOCKS[type].fields, 'results', 'compare'];
}

export function typesTaking(field: string): QuestionType[] {
  if ((COMMON_FIELDS as readonly string[]).includes(field)) return [...QUESTION_TYPES];
  return QUESTION_TYPES.filter((type) => (QUESTION_BLOCKS[type].fields as readonly string[]).includes(field));
}

/** "quiz", "choice and quiz", "wordcloud, text and qa". */
export function listTypes(types: readonly string[]): string {
  if (types.length <= 1) return types.join('');
  return `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;
}

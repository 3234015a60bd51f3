/**
 * Which poll block fields each question type takes. One table, used by the schemas and
 * by the messages that tell a presenter which types take a misplaced field.
 */
import { QUESTION_TYPES, type QuestionType } from '../../protocol/deck.ts';

export const COMMON_FIELDS = ['id', 'type', 'question', 'results', 'compare'] as const;

const TYPE_FIELDS: Record<QuestionType, readonly string[]> = {
  choice: ['options', 'multiple'],
  quiz: ['options', 'correct', 'time', 'read'],
  scale: ['min', 'max', 'labels'],
  wordcloud: ['max-length', 'max-answers'],
  text: ['max-length'],
  qa: ['max-length'],
};

export const ALL_FIELDS: readonly string[] = [
  ...COMMON_FIELDS,
  ...new Set(QUESTION_TYPES.flatMap((type) => TYPE_FIELDS[type])),
];

/**
 * Fields whose scalars are read as the text the presenter typed (`1.0` stays "1.0",
 * `true` stays "true"), because they are shown to people, not computed with.
 */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(['id', 'question', 'compare', 'options', 'correct', 'labels']);

/** In the order a block is usually written: what it is, its own settings, then who sees what. */
export function fieldsOf(type: QuestionType): string[] {
  return ['id', 'type', 'question', ...TYPE_FIELDS[type], 'results', 'compare'];
}

export function typesTaking(field: string): QuestionType[] {
  if ((COMMON_FIELDS as readonly string[]).includes(field)) return [...QUESTION_TYPES];
  return QUESTION_TYPES.filter((type) => TYPE_FIELDS[type].includes(field));
}

export function isQuestionType(value: unknown): value is QuestionType {
  return typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);
}

/** "quiz", "choice and quiz", "wordcloud, text and qa". */
export function listTypes(types: readonly string[]): string {
  if (types.length <= 1) return types.join('');
  return `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;
}

import type { Question } from '../../../protocol/deck.ts';
import { QUESTION_TYPE_FACTS, QUESTION_TYPES, type QuestionOf, type QuestionType } from '../../../protocol/question-types.ts';
import { choiceQuestion } from './choice.ts';
import { qaQuestion } from './qa.ts';
import type { QuestionTypeModule, QuestionTypeRules } from './question-type.ts';
import { quizQuestion } from './quiz.ts';
import { scaleQuestion } from './scale.ts';
import { textQuestion } from './text.ts';
import { wordcloudQuestion } from './wordcloud.ts';

/** Every question type the live engine runs: one module of rules per type; a type missing here is a compile error. */
export const ENGINE_RULES = {
  choice: choiceQuestion,
  quiz: quizQuestion,
  scale: scaleQuestion,
  wordcloud: wordcloudQuestion,
  text: textQuestion,
  qa: qaQuestion,
} satisfies { [T in QuestionType]: QuestionTypeRules<QuestionOf<T>> };

/**
 * A type's rules with the facts its descriptor states (protocol/question-types.ts), so
 * neither is written twice. No cast: the rules' methods take the type's own question,
 * which TypeScript accepts where any question is declared (method parameters are bivariant).
 */
function withFacts(type: QuestionType, rules: QuestionTypeRules): QuestionTypeModule {
  return { ...rules, type, answerMode: QUESTION_TYPE_FACTS[type].answerMode };
}

const MODULES = new Map<QuestionType, QuestionTypeModule>(QUESTION_TYPES.map((type) => [type, withFacts(type, ENGINE_RULES[type])]));

export function moduleFor(question: Question): QuestionTypeModule {
  return MODULES.get(question.type)!;
}

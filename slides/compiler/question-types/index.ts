import type { QuestionOf, QuestionType } from '../../../protocol/question-types.ts';
import { choiceCompiler } from './choice.ts';
import { qaCompiler } from './qa.ts';
import type { QuestionCompiler } from './question-compiler.ts';
import { quizCompiler } from './quiz.ts';
import { scaleCompiler } from './scale.ts';
import { textCompiler } from './text.ts';
import { wordcloudCompiler } from './wordcloud.ts';

/** The deck compiler's module for each question type; a type missing here is a compile error. */
export const QUESTION_COMPILERS = {
  choice: choiceCompiler,
  quiz: quizCompiler,
  scale: scaleCompiler,
  wordcloud: wordcloudCompiler,
  text: textCompiler,
  qa: qaCompiler,
} satisfies { [T in QuestionType]: QuestionCompiler<QuestionOf<T>> };

/** A type's module, with its own question and fields erased (the registry keeps each one matched to its type). */
export function compilerFor(type: QuestionType): QuestionCompiler {
  return QUESTION_COMPILERS[type];
}

import type { Question, QuestionType } from '../../../protocol/deck.ts';
import { choiceQuestion } from './choice.ts';
import { qaQuestion } from './qa.ts';
import type { QuestionTypeModule } from './question-type.ts';
import { quizQuestion } from './quiz.ts';
import { scaleQuestion } from './scale.ts';
import { textQuestion } from './text.ts';
import { wordcloudQuestion } from './wordcloud.ts';

/** Every question type the live engine runs. */
const MODULES: Record<QuestionType, QuestionTypeModule> = {
  choice: choiceQuestion as QuestionTypeModule,
  quiz: quizQuestion as QuestionTypeModule,
  scale: scaleQuestion as QuestionTypeModule,
  wordcloud: wordcloudQuestion as QuestionTypeModule,
  text: textQuestion as QuestionTypeModule,
  qa: qaQuestion as QuestionTypeModule,
};

export function moduleFor(question: Question): QuestionTypeModule {
  return MODULES[question.type];
}

import type { Question, QuestionType } from '../../../protocol/deck.ts';
import { choiceQuestion } from './choice.ts';
import type { QuestionTypeModule } from './question-type.ts';

/** Every question type the live engine runs. */
const MODULES: Partial<Record<QuestionType, QuestionTypeModule>> = {
  choice: choiceQuestion as QuestionTypeModule,
};

export function moduleFor(question: Question): QuestionTypeModule | undefined {
  return MODULES[question.type];
}

import type { PublicQuestion, QuestionType } from '../../protocol/deck.ts';
import { choiceRenderer } from './choice.ts';
import { qaRenderer } from './qa.ts';
import { quizRenderer } from './quiz.ts';
import type { QuestionRenderer, RendererContext, RendererFactory } from './renderer.ts';
import { scaleRenderer } from './scale.ts';
import { textRenderer } from './text.ts';
import { wordcloudRenderer } from './wordcloud.ts';

/** The phone's module for each question type (its answering controls); a type missing here is a compile error. */
export const PHONE_RENDERERS = {
  choice: choiceRenderer,
  quiz: quizRenderer,
  scale: scaleRenderer,
  wordcloud: wordcloudRenderer,
  text: textRenderer,
  qa: qaRenderer,
} satisfies { [T in QuestionType]: RendererFactory<Extract<PublicQuestion, { type: T }>> };

/** The answering controls for a question. */
export function rendererFor(question: PublicQuestion, context: RendererContext): QuestionRenderer {
  return (PHONE_RENDERERS[question.type] as RendererFactory)(question, context);
}

import type { PublicQuestion, QuestionType } from '../../protocol/deck.ts';
import { choiceRenderer } from './choice.ts';
import { qaRenderer } from './qa.ts';
import { quizRenderer } from './quiz.ts';
import type { QuestionRenderer, RendererContext, RendererFactory } from './renderer.ts';
import { scaleRenderer } from './scale.ts';
import { textRenderer } from './text.ts';
import { wordcloudRenderer } from './wordcloud.ts';

/** One module per type; a type missing here is a compile error. */
const RENDERERS: { [T in QuestionType]: RendererFactory<Extract<PublicQuestion, { type: T }>> } = {
  choice: choiceRenderer,
  quiz: quizRenderer,
  scale: scaleRenderer,
  wordcloud: wordcloudRenderer,
  text: textRenderer,
  qa: qaRenderer,
};

/** The answering controls for a question. */
export function rendererFor(question: PublicQuestion, context: RendererContext): QuestionRenderer {
  return (RENDERERS[question.type] as RendererFactory)(question, context);
}

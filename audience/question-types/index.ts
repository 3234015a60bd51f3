import type { PublicQuestion } from '../../protocol/deck.ts';
import { choiceRenderer } from './choice.ts';
import type { QuestionRenderer, RendererContext } from './renderer.ts';
import { unsupportedRenderer } from './unsupported.ts';

/**
 * The answering controls for a question, one module per type. The live server runs
 * choice questions; quiz, scale, word cloud, text and Q&A get their modules with it.
 */
export function rendererFor(question: PublicQuestion, context: RendererContext): QuestionRenderer {
  switch (question.type) {
    case 'choice':
      return choiceRenderer(question, context);
    default:
      return unsupportedRenderer(question, context);
  }
}

import type { PublicQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import type { RendererFactory } from './renderer.ts';

/** A type this server does not run yet: say so plainly instead of offering buttons that fail. */
export const unsupportedRenderer: RendererFactory<PublicQuestion> = (question) => ({
  element: h('p', { class: 'notice' }, strings.unsupportedType(question.type)),
  update: () => undefined,
});

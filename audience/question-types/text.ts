import type { TextQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import { answerText, type RendererFactory } from './renderer.ts';
import { typedField } from './typed-field.ts';

/** An open answer: a text area with a counter; a new answer replaces the phone's earlier one. */
export const textRenderer: RendererFactory<TextQuestion> = (question, context) => {
  const field = typedField({ label: strings.textLabel, max: question.maxLength, multiline: true, button: strings.sendButton, send: (text) => context.submit({ text }) });
  const mine = h('p', { class: 'mine' });
  return {
    element: h('div', { class: 'choice' }, field.element, mine),
    update({ answer, open }) {
      const text = answerText(answer);
      mine.textContent = text && strings.yourText(text);
      field.enable(open);
    },
  };
};

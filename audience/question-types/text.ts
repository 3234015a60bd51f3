import type { TextQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import { answerText, type RendererFactory } from './renderer.ts';
import { typedField } from './typed-field.ts';

/**
 * An open answer: a text area with a counter. One answer per phone: the server keeps the
 * latest, so the phone says so before the first send and names the button Replace after it.
 */
export const textRenderer: RendererFactory<TextQuestion> = (question, context) => {
  const field = typedField({ label: strings.textLabel, max: question.maxLength, multiline: true, button: strings.sendButton, send: (text) => context.submit({ text }) });
  const rule = h('p', { class: 'hint' }, strings.textReplaces);
  const mine = h('p', { class: 'mine' });
  return {
    element: h('div', { class: 'choice' }, field.element, rule, mine),
    update({ answer, open }) {
      const text = answerText(answer);
      mine.textContent = text && strings.yourText(text);
      field.relabel(text ? strings.replaceButton : strings.sendButton);
      field.enable(open);
    },
  };
};

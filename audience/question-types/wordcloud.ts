import type { WordcloudQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import { answerText, type RendererFactory } from './renderer.ts';
import { typedField } from './typed-field.ts';

/** A word cloud: up to max-answers words, each sent as its own answer; the phone's words listed as text. */
export const wordcloudRenderer: RendererFactory<WordcloudQuestion> = (question, context) => {
  const field = typedField({ label: strings.wordLabel, max: question.maxLength, button: strings.sendButton, send: (text) => context.submit({ text }, true) });
  const left = h('p', { class: 'hint' });
  const mine = h('p', { class: 'mine' });
  return {
    element: h('div', { class: 'choice' }, field.element, left, mine),
    update({ owns, pending, open }) {
      const words = [...owns, ...pending].map((answer) => answerText(answer.value));
      const remaining = question.maxAnswers - words.length;
      left.textContent = strings.wordsLeft(remaining, question.maxAnswers);
      mine.textContent = words.length > 0 ? strings.yourWords(words) : '';
      field.enable(open && remaining > 0);
    },
  };
};

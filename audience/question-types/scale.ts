import type { ScaleQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import { optionButtons, showPicked } from './option-buttons.ts';
import type { RendererFactory } from './renderer.ts';

/** A scale: one button per value from min to max, the labels under its two ends; a tap sends it (another tap changes it). */
export const scaleRenderer: RendererFactory<ScaleQuestion> = ({ min, max, labels }, context) => {
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  // The end buttons carry their label in their name: "1, Not at all".
  const names = values.map((value) => (labels && (value === min || value === max) ? `${value}, ${labels[value === min ? 0 : 1]}` : undefined));
  const buttons = optionButtons(values.map(String), (index) => context.submit({ value: values[index]! }), names);
  const element = h(
    'div',
    { class: 'choice' },
    h('p', { class: 'hint' }, strings.questionHintSingle),
    h('div', { class: 'options steps', role: 'group', 'aria-labelledby': context.headingId }, ...buttons),
    labels && h('p', { class: 'scale-labels', 'aria-hidden': 'true' }, h('span', {}, labels[0]), h('span', {}, labels[1])),
  );
  return {
    element,
    update({ answer, open }) {
      showPicked(buttons, (index) => answer !== null && 'value' in answer && answer.value === values[index], !open);
    },
  };
};

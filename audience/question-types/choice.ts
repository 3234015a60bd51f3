import type { ChoiceQuestion } from '../../protocol/deck.ts';
import { h } from '../dom.ts';
import { strings } from '../strings.ts';
import { optionButtons, showPicked } from './option-buttons.ts';
import { pickedOptions, type QuestionRenderer, type RendererContext, type RendererFactory } from './renderer.ts';

/** Single choice: one big button per option; a tap sends it (a second tap elsewhere changes it). */
function singleChoice(question: ChoiceQuestion, context: RendererContext): QuestionRenderer {
  const buttons = optionButtons(question.options, (index) => context.submit({ options: [index] }));
  const element = h(
    'div',
    { class: 'choice' },
    h('p', { class: 'hint' }, strings.questionHintSingle),
    h('div', { class: 'options', role: 'group', 'aria-labelledby': context.headingId }, ...buttons),
  );
  return {
    element,
    update({ answer, open }) {
      const chosen = pickedOptions(answer);
      showPicked(buttons, (index) => chosen.includes(index), !open);
    },
  };
}

/** Multiple choice: a toggle per option, then Send; the phone's last sent set can be changed and sent again. */
function multipleChoice(question: ChoiceQuestion, context: RendererContext): QuestionRenderer {
  const boxes = question.options.map((_, index) => h('input', { type: 'checkbox', value: String(index) }));
  // Once the person changes the ticks, the server's copy no longer overwrites them.
  let edited = false;
  const labels = question.options.map((option, index) => {
    const box = boxes[index]!;
    box.addEventListener('change', () => {
      edited = true;
      problem.hidden = true;
    });
    return h('label', { class: 'option toggle' }, box, h('span', {}, option));
  });
  const problem = h('p', { class: 'problem', hidden: true }, strings.sendNothingChosen);
  const send = h('button', { type: 'button', class: 'send' }, strings.sendButton);
  send.addEventListener('click', () => {
    const options = boxes.flatMap((box, index) => (box.checked ? [index] : []));
    problem.hidden = options.length > 0;
    if (options.length === 0) return;
    edited = false;
    context.submit({ options });
  });
  const element = h(
    'div',
    { class: 'choice' },
    h('fieldset', { class: 'options' }, h('legend', { class: 'hint' }, strings.questionHintMultiple), ...labels),
    problem,
    send,
  );
  return {
    element,
    update({ answer, open }) {
      if (!edited || !open) {
        const chosen = pickedOptions(answer);
        boxes.forEach((box, index) => (box.checked = chosen.includes(index)));
      }
      for (const box of boxes) box.disabled = !open;
      send.disabled = !open;
      send.hidden = !open;
    },
  };
}

export const choiceRenderer: RendererFactory<ChoiceQuestion> = (question, context) =>
  question.multiple ? multipleChoice(question, context) : singleChoice(question, context);

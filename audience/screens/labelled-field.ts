import { h, uniqueId } from '../dom.ts';

export interface LabelledField {
  readonly input: HTMLInputElement;
  /** The label, the field, its help and its error line, in that order, for the form to hold. */
  readonly parts: HTMLElement[];
  /** Shows why the value cannot be used, marking the field invalid; null clears it. */
  showError(message: string | null): void;
}

/**
 * A one-line text field with its label, a help line and an error line, both read out with
 * the field (aria-describedby): the join code and the quiz nickname.
 */
export function labelledField(name: string, label: string, help: string, attributes: Record<string, string>): LabelledField {
  const inputId = uniqueId(name);
  const helpId = uniqueId(`${name}-help`);
  const errorId = uniqueId(`${name}-error`);
  const input = h('input', { id: inputId, name, type: 'text', ...attributes, 'aria-describedby': `${helpId} ${errorId}` });
  const error = h('p', { id: errorId, class: 'problem', hidden: true });
  return {
    input,
    parts: [h('label', { for: inputId }, label), input, h('p', { id: helpId, class: 'hint' }, help), error],
    showError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** A form the page checks itself (novalidate): Enter and the submit button call onSubmit, never a page load. */
export function checkedForm(attributes: Record<string, string>, children: (HTMLElement | string)[], onSubmit: () => void): HTMLFormElement {
  const form = h('form', { ...attributes, novalidate: true }, ...children);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit();
  });
  return form;
}

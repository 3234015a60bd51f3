import { h, uniqueId } from '../dom.ts';
import { strings } from '../strings.ts';

export interface TypedField {
  readonly element: HTMLFormElement;
  /** Takes typing and Send only while the question is open and the phone may send more. */
  enable(enabled: boolean): void;
  /** Renames the send button (a text answer's second send replaces the first). */
  relabel(label: string): void;
}

/**
 * A labelled text field (one line or several) with a character counter and a Send button,
 * for word clouds, open text and Q&A. maxlength stops typing at the question's limit; the
 * server checks it again and its message shows if something longer gets through.
 */
export function typedField(options: { label: string; max: number; multiline?: boolean; button: string; send(text: string): void }): TypedField {
  const { max } = options;
  const id = uniqueId('typed');
  const countId = uniqueId('typed-count');
  const field = h(options.multiline ? 'textarea' : 'input', {
    id,
    maxlength: String(max),
    autocomplete: 'off',
    'aria-describedby': countId,
    ...(options.multiline ? { rows: '3' } : { type: 'text', enterkeyhint: 'send' }),
  }) as HTMLInputElement | HTMLTextAreaElement;
  const count = h('p', { id: countId, class: 'hint' });
  const empty = h('p', { class: 'problem', hidden: true }, strings.typeSomething);
  const button = h('button', { type: 'submit' }, options.button);
  const counted = () => {
    count.textContent = strings.characters(field.value.length, max);
    count.classList.toggle('problem', field.value.length > max);
  };
  field.addEventListener('input', counted);
  counted();
  const form = h('form', { class: 'choice', novalidate: true }, h('label', { for: id }, options.label), field, count, empty, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field.value.trim();
    empty.hidden = text !== '';
    if (!text) return field.focus();
    options.send(text);
    field.value = '';
    counted();
  });
  return {
    element: form,
    enable(enabled) {
      field.disabled = button.disabled = !enabled;
    },
    relabel(label) {
      button.textContent = label;
    },
  };
}

import { h } from '../dom.ts';

/**
 * One big button per option; a tap picks it. aria-pressed says which is picked, so a
 * screen reader hears "pressed" on the phone's answer. Shared by choice, quiz and scale.
 */
export function optionButtons(labels: string[], pick: (index: number) => void, names: (string | undefined)[] = []): HTMLButtonElement[] {
  return labels.map((label, index) => {
    const button = h('button', { type: 'button', class: 'option', 'aria-pressed': 'false', 'aria-label': names[index] }, label);
    button.addEventListener('click', () => pick(index));
    return button;
  });
}

export function showPicked(buttons: HTMLButtonElement[], picked: (index: number) => boolean, disabled: boolean): void {
  buttons.forEach((button, index) => {
    button.setAttribute('aria-pressed', String(picked(index)));
    button.disabled = disabled;
  });
}

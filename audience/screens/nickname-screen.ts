import { LIMITS } from '../../protocol/limits.ts';
import { h, uniqueId } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';

/** Asked once per talk, and only when the talk has a quiz. Skipping is one tap. */
export function nicknameScreen(initial: string, onDone: (typed: string) => void): Screen {
  const inputId = uniqueId('nickname');
  const helpId = uniqueId('nickname-help');
  const input = h('input', {
    id: inputId,
    name: 'nickname',
    type: 'text',
    autocomplete: 'nickname',
    maxlength: String(LIMITS.nicknameMaxLength),
    'aria-describedby': helpId,
  });
  input.value = initial;
  const skip = h('button', { type: 'button', class: 'secondary' }, strings.nicknameSkip);
  skip.addEventListener('click', () => onDone(''));
  const heading = h('h1', { tabindex: '-1' }, strings.nicknameHeading);
  const form = h(
    'form',
    { class: 'screen nickname-screen', novalidate: true },
    heading,
    h('p', {}, strings.nicknameIntro),
    h('label', { for: inputId }, strings.nicknameLabel),
    input,
    h('p', { id: helpId, class: 'hint' }, strings.nicknameHelp(LIMITS.nicknameMaxLength)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, strings.nicknameContinue), skip),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onDone(input.value);
  });
  return { name: 'nickname', element: form, focusTarget: heading };
}

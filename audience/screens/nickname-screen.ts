import { LIMITS } from '../../protocol/limits.ts';
import { h, uniqueId } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';

/**
 * Asked once per talk, and only when the talk has a quiz. Skipping is one tap. onDone
 * resolves with why the name cannot be used (taken, refused, no reply), or null when done:
 * the message shows under the field and the person picks another.
 */
export function nicknameScreen(initial: string, onDone: (typed: string) => Promise<string | null>): Screen {
  const inputId = uniqueId('nickname');
  const helpId = uniqueId('nickname-help');
  const errorId = uniqueId('nickname-error');
  const input = h('input', {
    id: inputId,
    name: 'nickname',
    type: 'text',
    autocomplete: 'nickname',
    maxlength: String(LIMITS.nicknameMaxLength),
    'aria-describedby': `${helpId} ${errorId}`,
  });
  input.value = initial;
  const error = h('p', { id: errorId, class: 'problem', hidden: true });
  const done = h('button', { type: 'submit' }, strings.nicknameContinue);
  const skip = h('button', { type: 'button', class: 'secondary' }, strings.nicknameSkip);
  const finish = async (typed: string) => {
    done.disabled = skip.disabled = true;
    const problem = await onDone(typed);
    done.disabled = skip.disabled = false;
    error.textContent = problem ?? '';
    error.hidden = problem === null;
    if (problem === null) input.removeAttribute('aria-invalid');
    else {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  };
  skip.addEventListener('click', () => void finish(''));
  const heading = h('h1', { tabindex: '-1' }, strings.nicknameHeading);
  const form = h(
    'form',
    { class: 'screen nickname-screen', novalidate: true },
    heading,
    h('p', {}, strings.nicknameIntro),
    h('label', { for: inputId }, strings.nicknameLabel),
    input,
    h('p', { id: helpId, class: 'hint' }, strings.nicknameHelp(LIMITS.nicknameMaxLength)),
    error,
    h('div', { class: 'actions' }, done, skip),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void finish(input.value);
  });
  return { name: 'nickname', element: form, focusTarget: heading };
}

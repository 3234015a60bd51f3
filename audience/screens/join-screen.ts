import { isWellFormedJoinCode, normaliseJoinCode } from '../../protocol/join-code.ts';
import { h, uniqueId } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';

export interface JoinScreenOptions {
  /** What to put in the field (the code that was just refused, for instance). */
  typed?: string;
  /** Why the last try did not work. */
  error?: string;
  onJoin(code: string): void;
}

/** /join: type the code from the screen. Case, spaces and dashes do not matter. */
export function joinScreen(options: JoinScreenOptions): Screen {
  const inputId = uniqueId('join-code');
  const helpId = uniqueId('join-help');
  const errorId = uniqueId('join-error');
  const input = h('input', {
    id: inputId,
    name: 'code',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '20',
    'aria-describedby': `${helpId} ${errorId}`,
  });
  input.value = options.typed ?? '';
  const error = h('p', { id: errorId, class: 'problem' });
  const showError = (message: string | undefined) => {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  showError(options.error);

  const heading = h('h1', { tabindex: '-1' }, strings.joinHeading);
  const form = h(
    'form',
    { class: 'screen join-screen', novalidate: true },
    heading,
    h('p', {}, strings.joinIntro),
    h('label', { for: inputId }, strings.joinCodeLabel),
    input,
    h('p', { id: helpId, class: 'hint' }, strings.joinCodeHelp),
    error,
    h('button', { type: 'submit' }, strings.joinButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    const code = normaliseJoinCode(typed);
    if (!code) return fail(strings.joinCodeEmpty);
    if (!isWellFormedJoinCode(code)) return fail(strings.joinCodeMalformed(typed));
    showError(undefined);
    options.onJoin(code);
  });
  function fail(message: string): void {
    showError(message);
    input.focus();
  }

  return { name: 'join', element: form, focusTarget: options.error ? input : heading };
}

import { isWellFormedJoinCode, normaliseJoinCode } from '../../protocol/join-code.ts';
import { h } from '../dom.ts';
import type { Screen } from '../screen-host.ts';
import { strings } from '../strings.ts';
import { checkedForm, labelledField } from './labelled-field.ts';

export interface JoinScreenOptions {
  /** What to put in the field (the code that was just refused, for instance). */
  typed?: string;
  /** Why the last try did not work. */
  error?: string;
  onJoin(code: string): void;
}

/** /join: type the code from the screen. Case, spaces and dashes do not matter. */
export function joinScreen(options: JoinScreenOptions): Screen {
  const field = labelledField('code', strings.joinCodeLabel, strings.joinCodeHelp, {
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '20',
  });
  const { input } = field;
  input.value = options.typed ?? '';
  field.showError(options.error ?? null);

  const heading = h('h1', { tabindex: '-1' }, strings.joinHeading);
  const form = checkedForm(
    { class: 'screen join-screen' },
    [heading, h('p', {}, strings.joinIntro), ...field.parts, h('button', { type: 'submit' }, strings.joinButton)],
    () => {
      const typed = input.value.trim();
      const code = normaliseJoinCode(typed);
      if (!code) return fail(strings.joinCodeEmpty);
      if (!isWellFormedJoinCode(code)) return fail(strings.joinCodeMalformed(typed));
      field.showError(null);
      options.onJoin(code);
    },
  );
  function fail(message: string): void {
    field.showError(message);
    input.focus();
  }

  return { name: 'join', element: form, focusTarget: options.error ? input : heading };
}

import { LIMITS } from '../../protocol/limits.ts';
import { h, uniqueId } from '../dom.ts';
import { strings } from '../strings.ts';

export interface NicknameCard {
  readonly element: HTMLElement;
  /** Still to be decided (neither saved nor skipped). */
  readonly wanted: boolean;
}

/**
 * The quiz's nickname question, as a card inside the waiting screen and the quiz's
 * question screen: never a gate in front of a question (a poll is answered at once; a
 * quiz's buttons come first, the card below them). Skipping is one tap. onDone resolves
 * with why the name cannot be used (taken, refused, no reply), or null when done: the
 * message shows under the field and the person picks another.
 */
export function nicknameCard(initial: string, onDone: (typed: string) => Promise<string | null>): NicknameCard {
  const inputId = uniqueId('nickname');
  const helpId = uniqueId('nickname-help');
  const errorId = uniqueId('nickname-error');
  const headingId = uniqueId('nickname-heading');
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
  let wanted = true;
  const finish = async (typed: string) => {
    done.disabled = skip.disabled = true;
    const problem = await onDone(typed);
    done.disabled = skip.disabled = false;
    error.textContent = problem ?? '';
    error.hidden = problem === null;
    if (problem === null) {
      wanted = false;
      form.remove();
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  };
  skip.addEventListener('click', () => void finish(''));
  const form = h(
    'form',
    { class: 'card nickname-form', novalidate: true, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, strings.nicknameHeading),
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
  return {
    element: form,
    get wanted() {
      return wanted;
    },
  };
}

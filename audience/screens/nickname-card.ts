import { NICKNAME_MAX_LENGTH } from '../../protocol/limits.ts';
import { h, uniqueId } from '../dom.ts';
import { strings } from '../strings.ts';
import { checkedForm, labelledField } from './labelled-field.ts';

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
  const headingId = uniqueId('nickname-heading');
  const field = labelledField('nickname', strings.nicknameLabel, strings.nicknameHelp(NICKNAME_MAX_LENGTH), {
    autocomplete: 'nickname',
    maxlength: String(NICKNAME_MAX_LENGTH),
  });
  const { input } = field;
  input.value = initial;
  const done = h('button', { type: 'submit' }, strings.nicknameContinue);
  const skip = h('button', { type: 'button', class: 'secondary' }, strings.nicknameSkip);
  let wanted = true;
  const finish = async (typed: string) => {
    done.disabled = skip.disabled = true;
    const problem = await onDone(typed);
    done.disabled = skip.disabled = false;
    field.showError(problem);
    if (problem === null) {
      wanted = false;
      form.remove();
    } else {
      input.focus();
    }
  };
  skip.addEventListener('click', () => void finish(''));
  const form = checkedForm(
    { class: 'card nickname-form', 'aria-labelledby': headingId },
    [h('h2', { id: headingId }, strings.nicknameHeading), h('p', {}, strings.nicknameIntro), ...field.parts, h('div', { class: 'actions' }, done, skip)],
    () => void finish(input.value),
  );
  return {
    element: form,
    get wanted() {
      return wanted;
    },
  };
}

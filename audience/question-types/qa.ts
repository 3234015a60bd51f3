import type { QaQuestion } from '../../protocol/deck.ts';
import { QA_QUESTIONS_PER_PARTICIPANT } from '../../protocol/limits.ts';
import { h, uniqueId } from '../dom.ts';
import { strings } from '../strings.ts';
import type { AnswerModel, RendererFactory } from './renderer.ts';
import { typedField } from './typed-field.ts';

interface Row {
  item: HTMLLIElement;
  text: HTMLElement;
  about: HTMLElement;
  upvote: HTMLButtonElement;
}

/**
 * Q&A: ask (up to QA_QUESTIONS_PER_PARTICIPANT), and the room's questions in the
 * server's order (pinned, then most votes) with an upvote button each — once per question,
 * never one's own. Rows are kept per question, so a focused button survives an update.
 */
export const qaRenderer: RendererFactory<QaQuestion> = (question, context) => {
  const field = typedField({ label: strings.qaLabel, max: question.maxLength, multiline: true, button: strings.askButton, send: (text) => context.submit({ text }, true) });
  const left = h('p', { class: 'hint' });
  const headingId = uniqueId('qa-heading');
  const refused = h('p', { class: 'problem', hidden: true });
  const empty = h('p', { class: 'hint' }, strings.resultsEmpty);
  const list = h('ol', { class: 'tallies' });
  const room = h('section', { class: 'results', 'aria-labelledby': headingId, hidden: true }, h('h2', { id: headingId }, strings.qaRoomHeading), refused, empty, list);
  const rows = new Map<string, Row>();
  /** Upvotes this page made (the view's ownVotes catch up with the next state) and ones on their way. */
  const voted = new Set<string>();
  const voting = new Set<string>();
  let latest: AnswerModel | undefined;

  function rowFor(entryId: string): Row {
    const textId = uniqueId('qa-text');
    const row: Row = {
      item: h('li', { class: 'card' }),
      text: h('p', { id: textId, class: 'qa-text' }),
      about: h('p', { class: 'hint' }),
      upvote: h('button', { type: 'button', class: 'secondary upvote', 'aria-describedby': textId }),
    };
    row.item.append(row.text, row.about, row.upvote);
    row.upvote.addEventListener('click', async () => {
      voting.add(entryId);
      refused.hidden = true;
      render();
      const refusal = await context.upvote(entryId);
      voting.delete(entryId);
      if (refusal === null) voted.add(entryId);
      refused.textContent = refusal ?? '';
      refused.hidden = refusal === null;
      render();
    });
    rows.set(entryId, row);
    return row;
  }

  function render(): void {
    if (!latest) return;
    const { owns, pending, open, results, ownVotes } = latest;
    const remaining = QA_QUESTIONS_PER_PARTICIPANT - owns.length - pending.length;
    left.textContent = strings.questionsLeft(remaining);
    field.enable(open && remaining > 0);
    const questions = results?.type === 'qa' ? results.questions : null;
    room.hidden = questions === null;
    if (!questions) return;
    empty.hidden = questions.length > 0;
    const asked = new Set(owns.map((own) => own.answerId));
    questions.forEach((entry, index) => {
      const row = rows.get(entry.id) ?? rowFor(entry.id);
      const done = voted.has(entry.id) || ownVotes.includes(entry.id);
      row.text.textContent = entry.text;
      row.about.textContent = strings.qaAbout(entry, asked.has(entry.id));
      row.upvote.hidden = asked.has(entry.id);
      row.upvote.textContent = done ? strings.upvoted : strings.upvote;
      row.upvote.setAttribute('aria-pressed', String(done));
      row.upvote.disabled = done || !open || voting.has(entry.id);
      // Moved only when out of place: moving a row would take focus off its button.
      if (list.children[index] !== row.item) list.insertBefore(row.item, list.children[index] ?? null);
    });
    // Rows of questions no longer listed (hidden by the presenter) are the ones left at the end.
    while (list.children.length > questions.length) list.lastElementChild!.remove();
  }

  return {
    element: h('div', { class: 'choice' }, field.element, left),
    below: room,
    listsResults: true,
    update(model) {
      latest = model;
      render();
    },
  };
};

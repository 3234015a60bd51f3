import type { EntryStatus } from '../../protocol/session.ts';
import { button, textElement } from './dom.ts';

export type ModerationStatus = Exclude<EntryStatus, 'pending'>;
export type SendModeration = (questionId: string, entryId: string, status: ModerationStatus) => Promise<void>;
export type SendQaMark = (questionId: string, entryId: string, mark: { answered?: boolean; pinned?: boolean }) => Promise<void>;

/** What the console's moderation lists may ask of the server. */
export interface EntryActions {
  moderate: SendModeration;
  markQa: SendQaMark;
}

/**
 * A small action button on an entry: disabled while its command is on the way, so a
 * double tap sends it once; the entry's new state arrives with the next results.
 */
export function entryButton(label: string, action: string, run: () => Promise<void>): HTMLButtonElement {
  const node = button(label, 'console-entry-button', () => {
    node.disabled = true;
    void run().finally(() => (node.disabled = false));
  });
  node.dataset.action = action;
  return node;
}

/** A word tag on an entry: its state in words, never only a colour. */
export function tag(text: string, kind: string): HTMLElement {
  const node = textElement('span', `console-tag console-tag--${kind}`, text);
  node.dataset.tag = kind;
  return node;
}

export function statusTag(status: EntryStatus, onScreen: boolean): HTMLElement {
  switch (status) {
    case 'pending':
      return tag('Waiting for you', 'pending');
    case 'hidden':
      return tag('Hidden', 'hidden');
    case 'approved':
      return onScreen ? tag('On screen', 'on-screen') : tag('Approved', 'approved');
  }
}

/** The filter's catches stay marked after the presenter decided, so the decision is never a surprise. */
export function flaggedTag(): HTMLElement {
  return tag('Caught by the filter', 'flagged');
}

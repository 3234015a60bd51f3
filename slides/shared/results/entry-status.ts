import type { EntryStatus } from '../../../protocol/session.ts';
import { element } from './dom.ts';

const STATUS_TEXT: Record<Exclude<EntryStatus, 'approved'>, string> = {
  pending: 'waiting for approval',
  hidden: 'hidden',
};

/**
 * Only the presenter ever gets entries that are not approved (phones and displays get
 * approved ones only): they are marked, in words, so the console can tell them apart.
 */
export function markStatus(item: HTMLElement, status: EntryStatus): void {
  if (status === 'approved') return;
  item.classList.add(`is-${status}`);
  item.append(' ', element('span', 'handsup-entry-status', STATUS_TEXT[status]));
}

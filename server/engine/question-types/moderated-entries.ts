import { LIMITS } from '../../../protocol/limits.ts';
import type { EntryStatus } from '../../../protocol/session.ts';
import type { TallyContext } from './question-type.ts';

/**
 * Which entries a results message lists: the presenter gets everything (what waits for a
 * decision first), phones and displays only approved entries. Both lists are capped so a
 * busy question never makes a huge message; `order` decides which entries make the cut.
 */
export function listFor<E extends { status: EntryStatus }>(
  entries: E[],
  context: Pick<TallyContext, 'forPresenter' | 'listAll'>,
  order: (a: E, b: E) => number,
): E[] {
  if (!context.forPresenter) {
    const approved = entries.filter((entry) => entry.status === 'approved').sort(order);
    return context.listAll ? approved : approved.slice(0, LIMITS.resultEntries);
  }
  const waitingFirst = (a: E, b: E) => Number(b.status === 'pending') - Number(a.status === 'pending') || order(a, b);
  const listed = entries.sort(waitingFirst);
  return context.listAll ? listed : listed.slice(0, LIMITS.presenterResultEntries);
}

import type { StorageStatus } from '../../protocol/session.ts';
import { byId } from './dom.ts';
import { strings } from './strings.ts';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The banner under the top bar while the server cannot save what the room sends: what is
 * not being saved and where ("Answers are not being saved: the disk holding … is full"),
 * and what happens meanwhile. It goes away by itself once writes resume.
 */
export function showStorage(status: StorageStatus): void {
  const banner = byId('storage-banner');
  banner.hidden = status.ok;
  document.body.dataset.storage = status.ok ? 'ok' : 'degraded';
  if (status.ok) {
    banner.replaceChildren();
    return;
  }
  const lines = status.problems.map((problem) => {
    const line = document.createElement('strong');
    line.textContent = `${capitalise(problem.message)}.`;
    return line;
  });
  const meanwhile = document.createElement('p');
  meanwhile.textContent = strings.storageMeanwhile;
  banner.replaceChildren(...lines, meanwhile);
}

import { byId } from './dom.ts';

let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** A short message at the bottom of the console, e.g. why a command was refused. */
export function showNotice(message: string): void {
  const notice = byId('notice');
  notice.textContent = message;
  notice.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => (notice.hidden = true), 6000);
}

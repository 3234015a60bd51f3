/**
 * The page's one aria-live region: screen readers hear what changed (a question opened,
 * the answer was received, results shown, offline). Messages of one moment are read together.
 */
export class Announcer {
  private queued: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly region: HTMLElement) {}

  say(...messages: string[]): void {
    this.queued.push(...messages.filter(Boolean));
    if (this.queued.length === 0) return;
    // A short pause lets the screen's own change land first, and joins messages of one moment.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.region.textContent = this.queued.join(' ');
      this.queued = [];
    }, 100);
  }
}

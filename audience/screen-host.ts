/** One full screen of the phone app: join, nickname, waiting, question, ended… */
export interface Screen {
  /** Names the screen in body[data-screen] (styles and tests read it). */
  readonly name: string;
  readonly element: HTMLElement;
  /** Where focus goes when this screen replaces one the person was using. */
  readonly focusTarget: HTMLElement;
}

/** Swaps screens in the page's <main>, keeping keyboard and screen-reader focus on the page. */
export class ScreenHost {
  private current: Screen | undefined;

  constructor(private readonly root: HTMLElement) {}

  get showing(): Screen | undefined {
    return this.current;
  }

  show(screen: Screen): void {
    if (screen === this.current) return;
    const active = document.activeElement;
    // Only move focus when the person was on the old screen (its focus is about to vanish);
    // the first screen of a page load leaves focus where the browser put it.
    const wasUsingOldScreen =
      this.current !== undefined && (active === null || active === document.body || this.current.element.contains(active));
    this.root.replaceChildren(screen.element);
    this.current = screen;
    document.body.dataset.screen = screen.name;
    if (wasUsingOldScreen) screen.focusTarget.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

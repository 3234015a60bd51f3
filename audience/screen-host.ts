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
    // Only move focus when it was on the old screen (it is about to vanish with it); a page
    // that was just loaded, or left alone, keeps focus where the browser put it.
    const active = document.activeElement;
    const wasUsingOldScreen = active !== null && active !== document.body && this.current?.element.contains(active) === true;
    this.root.replaceChildren(screen.element);
    this.current = screen;
    document.body.dataset.screen = screen.name;
    if (wasUsingOldScreen) screen.focusTarget.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

/**
 * Which built HTML page answers which route. Shared by the production server and the
 * Vite dev server so both serve the same page at the same address.
 */
export interface PageRoute {
  /** Source HTML, relative to the project root (and to dist/ once built). */
  html: string;
  matches(pathname: string): boolean;
}

export const PROJECTOR_PAGE: PageRoute = {
  html: 'slides/projector/index.html',
  matches: (pathname) => pathname === '/' || pathname === '/index.html',
};

export const CONSOLE_PAGE: PageRoute = {
  html: 'slides/console/index.html',
  matches: (pathname) => pathname === '/presenter' || pathname === '/presenter/',
};

export const AUDIENCE_PAGE: PageRoute = {
  html: 'audience/index.html',
  matches: (pathname) =>
    pathname === '/join' || pathname === '/join/' || /^\/j\/[^/]+\/?$/.test(pathname),
};

export const PAGES: PageRoute[] = [PROJECTOR_PAGE, CONSOLE_PAGE, AUDIENCE_PAGE];

export function pageFor(pathname: string): PageRoute | undefined {
  return PAGES.find((page) => page.matches(pathname));
}

/** The public deck (no notes, no quiz answers) that the projector loads. */
export const DECK_JSON_PATH = '/deck.json';

/** Join address, code and QR code (SVG) for the projector's join slide. */
export const JOIN_JSON_PATH = '/join.json';

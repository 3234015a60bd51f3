/**
 * The addresses the server answers and the pages fetch: which built HTML page answers
 * which route (the production server and the Vite dev server serve the same page at the
 * same address), the public deck, the join slide's data and the health check. The
 * presenter's downloads and the print data are in export.ts, beside what they carry.
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

/** What the projector's join slide shows, as JOIN_JSON_PATH answers it. */
export interface JoinInfo {
  code: string;
  /** The address phones open (the QR code's target). */
  url: string;
  /** The QR code as inline SVG, made by the server: no network needed. */
  qrSvg: string;
}

/** The server's health (storage, connections), for a load balancer or a monitor. */
export const HEALTH_PATH = '/healthz';

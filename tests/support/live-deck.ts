/** tests/fixtures/live-deck.md: choice polls with each results setting. */
export const LIVE_DECK = 'tests/fixtures/live-deck.md';

/** Where the fixture deck's slides are (reveal.js h/v). */
export const SLIDE = {
  title: { h: 0, v: 0 },
  pickOne: { h: 1, v: 0 },
  pickSeveral: { h: 2, v: 0 },
  afterClose: { h: 2, v: 1 },
  secret: { h: 3, v: 0 },
  end: { h: 4, v: 0 },
} as const;

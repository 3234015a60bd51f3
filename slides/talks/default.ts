import { fileURLToPath } from 'node:url';

/** The built-in talk that `npm start` runs when no --deck is given. */
export const DEFAULT_DECK_FILE = fileURLToPath(
  new URL('./three-networking-disconnects.md', import.meta.url),
);

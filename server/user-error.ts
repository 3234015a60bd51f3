/**
 * A problem the person running handsup can fix (a missing file, a weak key, a busy port):
 * the command line prints its message as one `handsup: …` line and exits 1, no stack.
 * Anything else that escapes is a bug and keeps its stack.
 */
export class UserError extends Error {}

/** The one prefix every command-line error starts with, added once. */
export function asCliLine(message: string): string {
  return message.startsWith('handsup:') ? message : `handsup: ${message}`;
}

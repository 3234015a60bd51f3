import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../user-error.ts';

/** A command line that cannot be run as typed. */
export class UsageError extends UserError {}

/** node:util parseArgs, with its errors turned into messages that say what to type instead. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    // node's first sentence says what is wrong; the rest is about `--` and positionals.
    const what = (error as Error).message.split(/\.(?: |$)/)[0];
    throw new UsageError(`handsup: ${what} for \`handsup ${command}\`. Run \`handsup help\` for the options.`);
  }
}

/** `--joins-per-minute N`: new phones per client address and minute; 0 turns the limit off. */
export function parseJoinsPerMinute(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const joins = Number(value);
  if (!Number.isInteger(joins) || joins < 0) {
    throw new UsageError(`--joins-per-minute "${value}" is not a count — use a whole number of phones (0 for no limit)`);
  }
  return joins;
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`handsup: port "${value}" is not a port number — use a whole number from 0 to 65535`);
  }
  return port;
}

import { UsageError } from './args.ts';

/**
 * `--url`: the address phones use when the laptop sits behind a reverse proxy or has a
 * venue DNS name. Only an origin: the QR code and the join slide add /j/CODE to it.
 */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url "${value}" is not an address — give the one phones open, like https://quiz.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url "${value}" must start with http:// or https://`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new UsageError(`--url "${value}" must be an address without a path (handsup serves from the root), like ${url.origin}`);
  }
  return url.origin;
}

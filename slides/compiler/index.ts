/**
 * The deck compiler's public API. compileDeck is pure; compileDeckFile only adds reading
 * the file, the one piece of I/O the compiler does.
 */
import { readFileSync } from 'node:fs';
import { compileDeck, type CompileResult } from './compile-deck.ts';

export { compileDeck, type CompileResult };

export function compileDeckFile(path: string): CompileResult {
  return compileDeck(readFileSync(path, 'utf8'), path);
}

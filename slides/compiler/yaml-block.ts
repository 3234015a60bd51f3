/**
 * Parses a YAML block that sits somewhere inside the deck file (a poll block or the front
 * matter) and maps everything back to DECK FILE lines, so a presenter's editor can jump
 * straight to the key that is wrong rather than to "line 3 of some block".
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { LineProblem } from './problems.ts';

export interface YamlBlock {
  /** The document's root node; null when the block is empty or only comments. */
  root: Node | null;
  /**
   * The root mapping as a plain object (null if the root is not a mapping). Keys in
   * `textKeys` keep their scalars as written: see valueAsWritten.
   */
  toRecord(textKeys: ReadonlySet<string>): Record<string, unknown> | null;
  /** Deck line of the node at `path` (for a map key: the key's line), or null if absent. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/** Hints for the YAML mistakes presenters make most, keyed by yaml's error code. */
const HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put text that contains ": " in quotes',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BAD_INDENT: 'check the indentation',
  DUPLICATE_KEY: 'each key may appear only once',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
};

export function parseYamlBlock(
  yaml: string,
  firstLine: number,
  what: string,
): { block: YamlBlock | null; problems: LineProblem[] } {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const deckLineAt = (offset: number): number => firstLine + lineCounter.linePos(offset).line - 1;

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const hint = HINTS[error.code];
      return {
        line: deckLineAt(error.pos[0]),
        message: `bad YAML in ${what}: ${error.message}${hint ? ` — ${hint}` : ''}`,
      };
    });
    return { block: null, problems };
  }

  const root = doc.contents;
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    let node: unknown = root;
    let line: number | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) return line;
        const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
        if (keyRange) line = deckLineAt(keyRange[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        const range = isScalar(node) || isMap(node) || isSeq(node) ? node.range : undefined;
        if (!range) return line;
        line = deckLineAt(range[0]);
      } else {
        return line;
      }
    }
    return line;
  };
  const toRecord = (textKeys: ReadonlySet<string>): Record<string, unknown> | null => {
    if (!isMap(root)) return null;
    const plain: unknown = doc.toJS();
    if (typeof plain !== 'object' || plain === null) return null;
    const entries = Object.entries(plain).map(([key, value]): [string, unknown] => [
      key,
      textKeys.has(key) ? valueAsWritten(root.get(key, true), value) : value,
    ]);
    // fromEntries defines own properties, so a key like __proto__ stays a plain key.
    return Object.fromEntries(entries);
  };
  return { block: { root, lineOf, toRecord }, problems: [] };
}

/**
 * A node's value with every scalar read as the text the presenter typed. YAML reads
 * `1.0` as the number 1 and `true` as a boolean; for an option or a label the presenter
 * meant the text.
 */
function valueAsWritten(node: unknown, fallback: unknown): unknown {
  if (isScalar(node)) {
    const { value } = node;
    if (typeof value === 'number' || typeof value === 'boolean') return node.source ?? String(value);
    return value;
  }
  if (isSeq(node) && Array.isArray(fallback)) {
    return node.items.map((item, index) => valueAsWritten(item, fallback[index]));
  }
  return fallback;
}

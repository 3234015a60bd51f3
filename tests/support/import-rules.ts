import { posix } from 'node:path';
import ts from 'typescript';
/**
 * The layering of docs/architecture.md as rules over imports. An import is `from` file ->
 * `to` (our file, as a path from the project root, or a package or node: builtin by name).
 * Imports run down only: pages -> protocol; server -> slides/compiler -> protocol.
 */
export interface ImportEdge {
  from: string;
  to: string;
}

const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
const ours = (path: string) => ['protocol', 'slides', 'audience', 'server'].some((folder) => under(path, folder));

/** What the pure engine must never reach: sockets, HTTP, a database. */
const ENGINE_FORBIDDEN: Array<{ matches: (to: string) => boolean; what: string }> = [
  { matches: (to) => under(to, 'server/live'), what: 'the Socket.IO wiring' },
  { matches: (to) => under(to, 'server/http'), what: 'the HTTP routes' },
  { matches: (to) => /^server\/store\/.*sqlite/.test(to) || to === 'better-sqlite3', what: 'the SQLite store' },
  { matches: (to) => to === 'node:http' || to === 'http', what: 'node:http' },
  { matches: (to) => to === 'socket.io' || to.startsWith('socket.io/'), what: 'socket.io' },
];

/** Why this import runs the wrong way, or undefined when it is allowed. */
export function importRuleBroken({ from, to }: ImportEdge): string | undefined {
  if ((under(from, 'audience') || under(from, 'slides')) && under(to, 'server')) {
    return 'pages and the compiler never import the server: move what both need to protocol/';
  }
  if (under(from, 'audience') && ours(to) && !under(to, 'audience') && !under(to, 'protocol')) {
    return 'the phone app imports only protocol/ (and its own files)';
  }
  if (under(from, 'slides') && under(to, 'audience')) {
    return 'slides/ never imports the phone app: move what both need to protocol/';
  }
  if (under(from, 'slides/compiler') && ours(to) && !under(to, 'slides/compiler') && !under(to, 'protocol')) {
    return 'the deck compiler is pure and imports only protocol/';
  }
  if (under(from, 'protocol') && ours(to) && !under(to, 'protocol')) {
    return 'protocol/ imports nothing of ours outside protocol/';
  }
  // The built-in talk's Markdown is data the server reads (slides/talks/default.ts names its file), not page code.
  if (under(from, 'server') && under(to, 'slides') && !under(to, 'slides/compiler') && to !== 'slides/talks/default.ts') {
    return 'the server imports only the compiler from slides/';
  }
  if (under(from, 'server') && under(to, 'audience')) {
    return 'the server never imports the phone app';
  }
  if (under(to, 'server/cli') && !under(from, 'server/cli')) {
    return 'the CLI is the top of the server: move what others need down (as the LAN addresses went to server/net/)';
  }
  if (under(from, 'server/store') && ['server/live', 'server/http', 'server/export', 'server/dev', 'server/cli'].some((folder) => under(to, folder))) {
    return 'the store is below the wiring: it commits and reads back records, and knows no socket, route or export';
  }
  if (under(from, 'server/engine')) {
    const forbidden = ENGINE_FORBIDDEN.find((rule) => rule.matches(to));
    if (forbidden) return `the engine is pure: it returns effects and never reaches ${forbidden.what}`;
  }
  return undefined;
}

/**
 * Every circle of imports, each once, as the files in order with the first repeated at
 * the end (a -> b -> a). Depth-first search over the graph; a back edge closes a circle.
 */
export function findCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  function visit(file: string): void {
    state.set(file, 'open');
    path.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = [...path.slice(path.indexOf(target)), target];
        // The same circle found from another of its files is reported once.
        const key = [...cycle.slice(0, -1)].sort().join('\n');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    path.pop();
    state.set(file, 'done');
  }

  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/**
 * The imports of one file, as TypeScript itself reads them: `import … from`, `import type`,
 * `export … from` and `import()`. A relative one is resolved to our file (a path from the
 * project root); a package or node: builtin is kept by its name.
 */
export function importsOf(file: string, source: string): ImportEdge[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.map(({ fileName }) => ({
    from: file,
    to: fileName.startsWith('.') ? posix.join(posix.dirname(file), fileName) : fileName,
  }));
}

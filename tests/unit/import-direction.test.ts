import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importRuleBroken, importsOf, type ImportEdge } from '../support/import-rules.ts';
import { ROOT } from '../support/server-process.ts';

/** The folders whose layering docs/architecture.md describes; tests and configs only consume them. */
const LAYERS = ['protocol', 'slides', 'audience', 'server'];

function typescriptFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function readImports(files: string[]): ImportEdge[] {
  return files.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
}

const files = LAYERS.flatMap(typescriptFiles);
const imports = readImports(files);

describe('imports run one way (docs/architecture.md)', () => {
  it('reads every kind of import: static, type-only, re-exported and dynamic', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../protocol/b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('./e.ts');",
      "import 'socket.io-client';",
    ].join('\n');
    expect(importsOf('server/x.ts', source).map((edge) => edge.to)).toEqual([
      'server/a.ts', 'protocol/b.ts', 'server/c.ts', 'server/d.ts', 'server/e.ts', 'socket.io-client',
    ]);
    expect(files.length).toBeGreaterThan(100);
  });

  it('the rules refuse each kind of wrong import', () => {
    const wrong: ImportEdge[] = [
      { from: 'slides/projector/join-info.ts', to: 'server/http/join-info.ts' },
      { from: 'audience/main.ts', to: 'server/http/pages.ts' },
      { from: 'audience/main.ts', to: 'slides/shared/results/bars.ts' },
      { from: 'slides/compiler/slide.ts', to: 'slides/shared/load-deck.ts' },
      { from: 'protocol/deck.ts', to: 'slides/compiler/index.ts' },
      { from: 'server/http/talk-routes.ts', to: 'slides/vite/deck-watch.ts' },
      { from: 'server/engine/session-engine.ts', to: 'server/live/broadcast.ts' },
      { from: 'server/engine/session-engine.ts', to: 'server/store/sqlite-store.ts' },
      { from: 'server/engine/session-engine.ts', to: 'node:http' },
      { from: 'server/engine/question-types/quiz.ts', to: 'socket.io' },
      { from: 'server/http/join-info.ts', to: 'server/cli/lan-urls.ts' },
      { from: 'server/store/sqlite-store.ts', to: 'server/live/broadcast.ts' },
    ];
    expect(wrong.filter((edge) => !importRuleBroken(edge))).toEqual([]);
    const right: ImportEdge[] = [
      { from: 'server/http/talk-routes.ts', to: 'slides/compiler/index.ts' },
      { from: 'slides/compiler/slide.ts', to: 'protocol/deck.ts' },
      { from: 'slides/compiler/markdown.ts', to: 'marked' },
      { from: 'server/engine/session-engine.ts', to: 'server/store/records.ts' },
      { from: 'audience/main.ts', to: 'protocol/routes.ts' },
    ];
    expect(right.filter((edge) => importRuleBroken(edge))).toEqual([]);
    expect(findCycles([{ from: 'a.ts', to: 'b.ts' }, { from: 'b.ts', to: 'c.ts' }, { from: 'c.ts', to: 'a.ts' }, { from: 'c.ts', to: 'd.ts' }])).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
    ]);
  });

  it('every import of ours names a file that exists', () => {
    const known = new Set(files);
    const missing = imports.filter((edge) => LAYERS.some((layer) => edge.to.startsWith(`${layer}/`)) && !edge.to.endsWith('.css') && !known.has(edge.to));
    expect(missing).toEqual([]);
  });

  it('no import runs the wrong way', () => {
    const broken = imports.flatMap((edge) => {
      const rule = importRuleBroken(edge);
      return rule ? [`${edge.from} imports ${edge.to}: ${rule}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('no circle of imports among our files', () => {
    const ours = imports.filter((edge) => LAYERS.some((layer) => edge.to.startsWith(`${layer}/`)));
    expect(findCycles(ours).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });
});

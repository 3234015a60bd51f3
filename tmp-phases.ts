import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openExportSession } from './server/export/open-session.ts';
import { exportPdf } from './server/export/pdf/export-pdf.ts';
import { seedBuiltInTalk } from './tests/support/export-session.ts';
import { LiveTalk } from './tests/support/live-talk.ts';
const dataDir = join(mkdtempSync(join(tmpdir(), 'ph-')), 'data');
const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
await seedBuiltInTalk(talk);
await talk.close();
for (let i = 0; i < 4; i++) {
  const t0 = performance.now();
  const marks: string[] = [];
  const progress = { step: (s: string) => marks.push(`${(performance.now() - t0).toFixed(0)} ${s}`), count: (what: string, done: number, total: number) => { if (done === total) marks.push(`${(performance.now() - t0).toFixed(0)} ${what} ${done}/${total}`); } };
  const opened = openExportSession({ dataDir });
  if (!opened.ok) throw new Error(opened.message);
  marks.push(`${(performance.now() - t0).toFixed(0)} opened`);
  const printed = await exportPdf(opened.source, { fragments: false, notes: false, progress: progress as never });
  marks.push(`${(performance.now() - t0).toFixed(0)} done ${printed.pages} pages`);
  opened.close();
  console.log(marks.join(' | '));
}

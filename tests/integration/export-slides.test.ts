import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { artifactPath } from '../support/browser.ts';
import { seedBuiltInTalk, type SeededSession } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { qrCodeOnPdfPage } from '../support/pdf-qr.ts';
import { pdfPageTexts, squeeze } from '../support/pdf-text.ts';
import { ROOT, tempDataDir } from '../support/server-process.ts';

const run = promisify(execFile);
const EXAMPLE = join(ROOT, 'slides/talks/example.md');
const example: Deck = compileDeckFile(EXAMPLE).deck;
const joinSlide = example.slides.findIndex((slide) => slide.title === 'Join in');

async function handsupIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/handsup.mjs'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** What a question shows before the talk: its options, or a scale's ends. */
function optionsOf(question: Deck['questions'][number]): string[] {
  if (question.type === 'choice' || question.type === 'quiz') return question.options;
  if (question.type === 'scale') return [`${question.min} — ${question.labels?.[0] ?? ''}`, `${question.max} — ${question.labels?.[1] ?? ''}`];
  return [];
}

describe('handsup export pdf before the talk (no session)', () => {
  let folder: string;
  let pages: string[];
  let result: Awaited<ReturnType<typeof handsupIn>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'handsup-slides-'));
    result = await handsupIn(folder, 'export', 'pdf', '--deck', EXAMPLE, '--out', 'x.pdf');
    expect(result.stderr).not.toMatch(/could not|warning/);
    expect(result.code).toBe(0);
    pages = await pdfPageTexts(readFileSync(join(folder, 'x.pdf')));
    copyFileSync(join(folder, 'x.pdf'), artifactPath('export-slides.pdf'));
    await run('pdftoppm', ['-png', '-r', '60', '-f', String(joinSlide + 1), '-l', String(joinSlide + 3), join(folder, 'x.pdf'), artifactPath('export-slides')]);
  });

  it('in an empty folder, gives one page per slide and says there are no results', () => {
    expect(readdirSync(folder)).toEqual(['x.pdf']);
    expect(result.stderr).toContain(`no session of ${EXAMPLE} in ${join(folder, 'data')}: the slides of "${example.title}" with their questions, no results`);
    expect(result.stdout).toMatch(new RegExp(`^written x\\.pdf \\(${example.slides.length} pages, `));
    expect(pages).toHaveLength(example.slides.length);
  });

  it('shows every question with its options, and no results', () => {
    for (const question of example.questions) {
      // The heading may be the question (said once, in the heading's capitals).
      const page = squeeze(pages[question.slideIndex]!).toLowerCase();
      expect(page, question.id).toContain(squeeze(question.question).toLowerCase());
      for (const option of optionsOf(question)) expect(page, `${question.id}: ${option}`).toContain(squeeze(option).toLowerCase());
    }
    const all = pages.join(' ');
    expect(all).not.toMatch(/\d+%|\bvotes?\b|Final results|No answers yet|responses?\b/i);
  });

  it('keeps the join slide’s place for the QR code, which appears when the talk runs', async () => {
    expect(pages[joinSlide]).toContain('The QR code appears when the talk runs');
    expect(await qrCodeOnPdfPage(join(folder, 'x.pdf'), joinSlide + 1)).toBeNull();
  });

  describe('with --url', () => {
    let out: string;
    let urlPages: string[];

    beforeAll(async () => {
      out = join(folder, 'url.pdf');
      const withUrl = await handsupIn(folder, 'export', 'pdf', '--deck', EXAMPLE, '--no-results', '--url', 'https://talk.example.org/', '--out', out);
      expect(withUrl.code).toBe(0);
      urlPages = await pdfPageTexts(readFileSync(out));
      await run('pdftoppm', ['-png', '-r', '60', '-f', String(joinSlide + 1), '-l', String(joinSlide + 1), out, artifactPath('export-slides-url')]);
    });

    it('shows that address and a QR code that leads to it', async () => {
      expect(urlPages).toHaveLength(example.slides.length);
      expect(urlPages[joinSlide]).toContain('talk.example.org/join');
      // No "Join code" heading without a code (the slide's own text may say "type the join code.").
      expect(urlPages[joinSlide]!.toUpperCase()).not.toMatch(/JOIN CODE\s*[A-Z0-9]/);
      expect(await qrCodeOnPdfPage(out, joinSlide + 1)).toBe('https://talk.example.org/join');
    });
  });

  it('refuses an address that is not one, saying what to give', async () => {
    const bad = await handsupIn(folder, 'export', 'pdf', '--deck', EXAMPLE, '--url', 'talk.example.org', '--out', 'never.pdf');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--url "talk.example.org" is not a web address — give the address phones open, e.g. --url https://talk.example.org');
  });
});

describe('handsup export pdf --no-results, after a talk', () => {
  let dataDir: string;
  let folder: string;
  let seeded: SeededSession;

  beforeAll(async () => {
    dataDir = tempDataDir();
    folder = mkdtempSync(join(tmpdir(), 'handsup-no-results-'));
    const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
    seeded = await seedBuiltInTalk(talk);
    await talk.close();
  });

  describe('--no-results', () => {
    let plainText: string;

    beforeAll(async () => {
      const plain = await handsupIn(folder, 'export', 'pdf', '--data', dataDir, '--no-results', '--out', 'slides.pdf');
      expect(plain.code).toBe(0);
      plainText = (await pdfPageTexts(readFileSync(join(folder, 'slides.pdf')))).join(' ');
    });

    it('prints the slides without the session’s results', () => {
      expect(plainText).toContain('Yes, I hate it');
      expect(plainText).not.toMatch(/Final results|\d+ votes?\b|\d+ responses?\b/);
    });
  });

  describe('the session’s export with --url', () => {
    let resultPages: string[];

    beforeAll(async () => {
      const withResults = await handsupIn(folder, 'export', 'pdf', '--data', dataDir, '--url', 'http://venue.example:3000', '--out', 'talk.pdf');
      expect(withResults.code).toBe(0);
      resultPages = await pdfPageTexts(readFileSync(join(folder, 'talk.pdf')));
    });

    it('has the results, the join code, and a QR code of the session’s join link', async () => {
      const joinPage = resultPages.findIndex((page) => page.includes('JOIN IN'));
      expect(squeeze(resultPages[joinPage]!)).toContain(`JOINCODE${seeded.joinCode}`);
      expect(await qrCodeOnPdfPage(join(folder, 'talk.pdf'), joinPage + 1)).toBe(`http://venue.example:3000/j/${seeded.joinCode}`);
      expect(resultPages.join(' ')).toContain('Final results');
    });
  });
});

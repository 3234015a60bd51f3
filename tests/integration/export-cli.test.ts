import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_HINT } from '../../server/browser/find-chromium.ts';
import type { ResultsJson } from '../../server/export/results-json.ts';
import { SqliteStore } from '../../server/store/sqlite-store.ts';
import { artifactPath } from '../support/browser.ts';
import { builtInTalk, seedBuiltInTalk, SEEDED, type SeededSession } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { pdfPageTexts, squeeze } from '../support/pdf-text.ts';
import { ROOT, tempDataDir } from '../support/server-process.ts';

const run = promisify(execFile);
const deck = builtInTalk();
const slideOf = (questionId: string) => deck.questions.find((question) => question.id === questionId)!.slideIndex;

async function handsup(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return handsupWith(process.env, ...args);
}

async function handsupWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/handsup.mjs', ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dataDir: string;
let outDir: string;
let seeded: SeededSession;

beforeAll(async () => {
  dataDir = tempDataDir();
  outDir = mkdtempSync(join(tmpdir(), 'handsup-export-'));
  const talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md', dataDir);
  seeded = await seedBuiltInTalk(talk);
  // The export runs with no server: everything comes from the data folder.
  await talk.close();
});

/** "Yes, I hate it 50% 3 votes": an option's row in a page's text. */
function optionRow(option: string, percent: number, count: number): string {
  return squeeze(`${option} ${percent}% ${count} ${count === 1 ? 'vote' : 'votes'}`);
}

function expectOptions(pageText: string, options: readonly string[], counts: readonly number[], percents: readonly number[]): void {
  options.forEach((option, index) => expect(squeeze(pageText)).toContain(optionRow(option, percents[index]!, counts[index]!)));
}

function choiceOptions(questionId: string): string[] {
  const question = deck.questions.find((candidate) => candidate.id === questionId)!;
  return 'options' in question ? question.options : [];
}

describe('handsup export pdf', () => {
  let pages: string[];

  beforeAll(async () => {
    const out = join(outDir, 'talk.pdf');
    const result = await handsup('export', 'pdf', '--data', dataDir, '--out', out);
    expect(result.stderr).not.toMatch(/could not|warning/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^written ${out} \\(${deck.slides.length} pages, \\d[\\d,]* KB\\) in \\d+\\.\\d s\\n$`));
    expect(result.stderr).toContain(`question slides with results ${deck.questions.length}/${deck.questions.length}`);
    expect(result.stderr).toContain(`printing ${deck.slides.length} pages`);
    pages = await pdfPageTexts(readFileSync(out));
    copyFileSync(out, artifactPath('export-talk.pdf'));
  });

  it('has one page per slide, in order', () => {
    expect(pages).toHaveLength(deck.slides.length);
    for (const slide of deck.slides.filter((candidate) => candidate.title)) {
      expect(squeeze(pages[slide.index]!.toLowerCase())).toContain(squeeze(slide.title.toLowerCase()));
    }
  });

  it('shows each seeded poll with its options, counts and percentages', () => {
    const opening = pages[slideOf(SEEDED.hateNetworking.id)]!;
    expectOptions(opening, choiceOptions(SEEDED.hateNetworking.id), SEEDED.hateNetworking.counts, SEEDED.hateNetworking.percents);
    expect(opening).toContain(`${SEEDED.hateNetworking.responses} responses`);

    // The closing poll shows the opening one beside it: before, then after.
    const closing = pages[slideOf(SEEDED.hateNetworkingAfter.id)]!;
    const [before, after] = closing.split('AFTER');
    expect(before).toContain('BEFORE');
    expectOptions(before!, choiceOptions(SEEDED.hateNetworking.id), SEEDED.hateNetworking.counts, SEEDED.hateNetworking.percents);
    expectOptions(after!, choiceOptions(SEEDED.hateNetworkingAfter.id), SEEDED.hateNetworkingAfter.counts, SEEDED.hateNetworkingAfter.percents);
  });

  it('shows the quiz answer, the scale, the words, the approved text and the Q&A', () => {
    const quiz = squeeze(pages[slideOf(SEEDED.quiz.id)]!);
    const options = choiceOptions(SEEDED.quiz.id);
    options.forEach((option, index) => {
      const mark = index === SEEDED.quiz.correct ? '✓correct' : '';
      expect(quiz).toContain(squeeze(`${option}${mark}`) + optionRow('', SEEDED.quiz.percents[index]!, SEEDED.quiz.counts[index]!));
    });
    expect(quiz.match(/✓correct/g)).toHaveLength(1);

    const scale = pages[slideOf(SEEDED.scale.id)]!;
    expect(scale).toContain('3.8 average, from 1 to 5');
    ['1 — No idea at all', '2', '3', '4', '5 — I have names ready'].forEach((label, index) =>
      expect(squeeze(scale)).toContain(optionRow(label, SEEDED.scale.percents[index]!, SEEDED.scale.counts[index]!)),
    );

    expect(pages[slideOf(SEEDED.words.id)]).toContain('Clients 2 ideas 1');
    const text = pages[slideOf(SEEDED.text.id)]!;
    expect(text).toContain('Meeting people');
    expect(text).not.toContain(SEEDED.text.reset);
    expect(squeeze(pages[slideOf(SEEDED.qa.id)]!)).toContain(squeeze(`1 vote ${SEEDED.qa.text}`));
  });

  it('puts the quiz standings beside the last quiz question', () => {
    const lastQuiz = deck.questions.filter((question) => question.type === 'quiz').at(-1)!;
    const page = pages[lastQuiz.slideIndex]!;
    expect(page).toContain('QUIZ LEADERBOARD');
    expect(page).toMatch(/1 (Ana|Ben) [\d,]+ pts/);
    expect(page).toMatch(/Ana [\d,]+ pts/);
    expect(page).toMatch(/Ben [\d,]+ pts/);
    expect(page).toContain('3 players, after 1 of 5 quiz questions');
  });

  it('leaves the data folder as it was: no new session', () => {
    expect(storedSessions().map((session) => session.joinCode)).toEqual([seeded.joinCode]);
  });

  it('gives a page per fragment step with --fragments, as reveal.js steps through them', async () => {
    const out = join(outDir, 'fragments.pdf');
    const result = await handsup('export', 'pdf', '--data', dataDir, '--out', out, '--fragments');
    expect(result.code).toBe(0);
    const steps = deck.slides.reduce((sum, slide) => sum + 1 + slide.fragments, 0);
    expect(steps).toBeGreaterThan(deck.slides.length + 10);
    const fragmentPages = await pdfPageTexts(readFileSync(out));
    expect(fragmentPages).toHaveLength(steps);
    expect(result.stdout).toContain(`(${steps} pages,`);

    // "Three disconnects": the heading, then one more numbered category per page.
    const slide = deck.slides.find((candidate) => candidate.title === 'Three disconnects')!;
    expect(slide.fragments).toBe(3);
    const first = deck.slides.slice(0, slide.index).reduce((sum, earlier) => sum + 1 + earlier.fragments, 0);
    const categories = ['"I hate networking…"', 'no one here is buying', 'Who am I to do a 1-2-1'];
    for (let step = 0; step <= 3; step += 1) {
      const page = fragmentPages[first + step]!;
      expect(page).toContain('THREE DISCONNECTS He sorts them into three broad categories:');
      categories.forEach((category, index) => expect(page.includes(category)).toBe(index < step));
    }
  });

  it('adds each slide’s speaker notes on a page after it with --notes', async () => {
    const out = join(outDir, 'notes.pdf');
    const result = await handsup('export', 'pdf', '--data', dataDir, '--out', out, '--notes');
    expect(result.code).toBe(0);
    const withNotes = deck.slides.filter((slide) => slide.notes.trim() !== '').length;
    expect(withNotes).toBe(deck.slides.length);
    const notePages = await pdfPageTexts(readFileSync(out));
    expect(notePages).toHaveLength(deck.slides.length + withNotes);
    expect(notePages[0]).toContain('THREE NETWORKING DISCONNECTS');
    expect(notePages[1]).toContain('Welcome everyone while people settle.');
    expect(notePages[2]).toContain('JOIN IN');
    const quiz = deck.slides[slideOf('quiz-formal-term')]!;
    expect(notePages[quiz.index * 2 + 1]).toContain('Answer: Building relationships.');
  });
});

describe('handsup export results', () => {
  type CsvRow = Record<string, string>;
  let rows: CsvRow[];
  let csv: string;

  beforeAll(async () => {
    const result = await handsup('export', 'results', '--data', dataDir, '--format', 'csv');
    expect(result.code).toBe(0);
    csv = result.stdout;
    rows = parse(csv, { columns: true }) as CsvRow[];
  });

  function counted(questionId: string): CsvRow[] {
    return rows.filter((row) => row.question_id === questionId && row.status === 'counted');
  }

  function tally(questionId: string, options: readonly string[]): number[] {
    return options.map((option) => counted(questionId).filter((row) => row.answer === option).length);
  }

  it('writes one row per stored response, with pseudonyms instead of the phones’ ids', () => {
    expect(rows).toHaveLength(SEEDED.storedResponses);
    expect(Object.keys(rows[0]!)).toEqual(['question_id', 'question_type', 'question', 'participant', 'answered_at', 'answer', 'option_number', 'status', 'moderation', 'correct', 'points', 'streak_bonus', 'votes']);
    expect(new Set(rows.map((row) => row.participant))).toEqual(new Set(['P0001', 'P0002', 'P0003', 'P0004', 'P0005', 'P0006']));
    for (const participantId of seeded.participants) expect(csv).not.toContain(participantId);
    for (const row of rows) expect(new Date(row.answered_at!).toISOString()).toBe(row.answered_at);
  });

  it('counts exactly the seeded answers, and marks a changed and a reset answer', () => {
    expect(tally(SEEDED.hateNetworking.id, choiceOptions(SEEDED.hateNetworking.id))).toEqual(SEEDED.hateNetworking.counts);
    expect(tally(SEEDED.hateNetworkingAfter.id, choiceOptions(SEEDED.hateNetworkingAfter.id))).toEqual(SEEDED.hateNetworkingAfter.counts);
    expect(tally(SEEDED.quiz.id, choiceOptions(SEEDED.quiz.id))).toEqual(SEEDED.quiz.counts);
    expect(tally(SEEDED.scale.id, ['1', '2', '3', '4', '5'])).toEqual(SEEDED.scale.counts);
    expect(counted(SEEDED.words.id).map((row) => row.answer)).toEqual(['Clients', 'clients', 'ideas']);

    const changed = rows.filter((row) => row.status === 'changed');
    expect(changed).toMatchObject([{ question_id: SEEDED.hateNetworking.id, answer: 'No, I enjoy it', option_number: '2' }]);
    const reset = rows.filter((row) => row.status === 'reset');
    expect(reset).toMatchObject([{ question_id: SEEDED.text.id, answer: SEEDED.text.reset, moderation: '' }]);
    expect(counted(SEEDED.text.id)).toMatchObject([{ answer: 'Meeting people', moderation: 'approved' }]);
  });

  it('scores quiz answers and escapes what a spreadsheet would run as a formula', () => {
    const quiz = counted(SEEDED.quiz.id);
    expect(quiz.map((row) => row.correct)).toEqual(['yes', 'yes', 'no']);
    for (const row of quiz.slice(0, 2)) expect(Number(row.points)).toBeGreaterThanOrEqual(500);
    expect(quiz[2]).toMatchObject({ points: '0', streak_bonus: '0' });
    const question = counted(SEEDED.qa.id);
    expect(question).toMatchObject([{ answer: `'${SEEDED.qa.text}`, votes: '1', moderation: 'approved' }]);
  });

  it('gives the same numbers as JSON, with the leaderboard, written to a file', async () => {
    const out = join(outDir, 'results.json');
    const result = await handsup('export', 'results', '--data', dataDir, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`written ${out} (JSON,`);
    const json = JSON.parse(readFileSync(out, 'utf8')) as ResultsJson;
    expect(json.format).toBe('handsup-results/1');
    expect(json.session).toMatchObject({ joinCode: seeded.joinCode, deckTitle: 'Three Networking Disconnects', participants: SEEDED.phones });
    const byId = new Map(json.questions.map((question) => [question.id, question]));
    expect(json.questions.map((question) => question.id)).toEqual(deck.questions.map((question) => question.id));

    const counts = (id: string) => byId.get(id)!.distribution!.map((entry) => [entry.count, entry.percent]);
    const zip = (a: readonly number[], b: readonly number[]) => a.map((value, index) => [value, b[index]]);
    expect(counts(SEEDED.hateNetworking.id)).toEqual(zip(SEEDED.hateNetworking.counts, SEEDED.hateNetworking.percents));
    expect(counts(SEEDED.hateNetworkingAfter.id)).toEqual(zip(SEEDED.hateNetworkingAfter.counts, SEEDED.hateNetworkingAfter.percents));
    expect(counts(SEEDED.quiz.id)).toEqual(zip(SEEDED.quiz.counts, SEEDED.quiz.percents));
    expect(counts(SEEDED.scale.id)).toEqual(zip(SEEDED.scale.counts, SEEDED.scale.percents));
    expect(byId.get(SEEDED.hateNetworking.id)!.responses).toBe(SEEDED.hateNetworking.responses);
    expect(byId.get(SEEDED.scale.id)).toMatchObject({ average: SEEDED.scale.average, min: 1, max: 5 });
    expect(byId.get(SEEDED.quiz.id)!.correct).toEqual(['Building relationships']);
    expect(byId.get(SEEDED.words.id)).toMatchObject({ words: SEEDED.words.words, totalWords: 3, moderation: { approved: 3, pending: 0, hidden: 0 } });
    expect(byId.get(SEEDED.text.id)!.answers!.map((answer) => answer.text)).toEqual(SEEDED.text.approved);
    expect(byId.get(SEEDED.qa.id)!.questions).toMatchObject([{ text: SEEDED.qa.text, votes: SEEDED.qa.votes, answered: false }]);

    // The leaderboard adds up the CSV's points, under the CSV's pseudonyms.
    expect(json.quiz).toMatchObject({ questions: 5, played: 1, players: 3 });
    const points = new Map<string, number>();
    for (const row of counted(SEEDED.quiz.id)) points.set(row.participant!, Number(row.points) + Number(row.streak_bonus));
    expect(json.quiz!.leaderboard.map((entry) => [entry.participant, entry.points])).toEqual(
      [...points].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)),
    );
    expect(json.quiz!.leaderboard.slice(0, 2).map((entry) => entry.name).sort()).toEqual(['Ana', 'Ben']);
  });

  it('picks CSV from an --out file ending in .csv, with a byte-order mark for spreadsheets', async () => {
    const out = join(outDir, 'results.csv');
    const result = await handsup('export', 'results', '--data', dataDir, '--out', out);
    expect(result.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('\uFEFFquestion_id,')).toBe(true);
    expect(written.slice(1)).toBe(csv);
  });
});

describe('handsup export: bad input', () => {
  it('names a session that does not exist and says how to list them', async () => {
    for (const what of ['pdf', 'results']) {
      const result = await handsup('export', what, '--data', dataDir, '--session', 'no-such-session');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`no session "no-such-session" in ${dataDir} — run \`handsup sessions --data ${dataDir}\` to list them`);
    }
  });

  it('says when a data folder has no sessions, or no handsup data at all', async () => {
    const empty = tempDataDir();
    const none = await handsup('export', 'results', '--data', empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no handsup data in ${empty}`);
    new SqliteStore(empty).close();
    const noSessions = await handsup('export', 'pdf', '--data', empty);
    expect(noSessions.code).toBe(1);
    expect(noSessions.stderr).toContain(`no sessions in ${empty} yet — run a talk with \`handsup start --data ${empty}\` first`);
    const missing = await handsup('export', 'pdf', '--data', join(empty, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no data folder at ${join(empty, 'nope')}`);
  });

  it('refuses a deck with problems, saying where, and an --out it cannot write', async () => {
    const broken = await handsup('export', 'pdf', '--data', dataDir, '--deck', 'tests/fixtures/bad/unknown-type.md', '--session', storedSessions()[0]!.id);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('tests/fixtures/bad/unknown-type.md:8: unknown question type "pol"');
    const nowhere = join(outDir, 'missing-folder', 'talk.pdf');
    const unwritable = await handsup('export', 'pdf', '--data', dataDir, '--out', nowhere);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain(`cannot write ${nowhere}: the folder ${join(outDir, 'missing-folder')} does not exist`);
    const format = await handsup('export', 'results', '--data', dataDir, '--format', 'xlsx');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('unknown format "xlsx" — use --format csv or --format json');
  });
});

describe('handsup export pdf without a browser', () => {
  it('says how to install one', async () => {
    const result = await handsupWith({ ...process.env, CHROME_PATH: '/nowhere/chromium' }, 'export', 'pdf', '--data', dataDir, '--out', join(outDir, 'never.pdf'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the PDF is printed by Chrome or Chromium: CHROME_PATH is /nowhere/chromium, which does not exist.');
    expect(result.stderr).toContain(INSTALL_HINT);
    expect(existsSync(join(outDir, 'never.pdf'))).toBe(false);
  });
});

function storedSessions() {
  const store = new SqliteStore(dataDir, { readonly: true });
  try {
    return store.listSessions();
  } finally {
    store.close();
  }
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../support/phone-strings.ts';
import type { PlayerScore } from '../../protocol/session.ts';
import { ALL_TYPES_DECK, SLIDES } from '../support/all-types-deck.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import {
  announcements,
  captureFrames,
  expectAccessible,
  expectAnnounced,
  joinCodeOf,
  newPhone,
  objectsIn,
  Presenter,
  screenshot,
  textsOf,
  waitForScreen,
  watchDialogs,
  type Phone,
  type ReceivedFrame,
} from './audience-phone.ts';

/**
 * The quiz of the fixture deck (four questions) played to the podium by three phones in
 * Chromium: each answers at its own speed, the presenter closes each question (the last
 * closes itself at zero), and every phone's points and rank are checked against the
 * documented formula (docs/authoring.md, "Quiz scoring") from the server's own times.
 */
const QUIZ = [
  { id: 'quiz-capital', slide: SLIDES.quizCapital, time: 60, options: ['Paris', 'Lyon', 'Nice'], correct: [0] },
  { id: 'quiz-sum', slide: SLIDES.quizSum, time: 60, options: ['Three', 'Four', 'Five'], correct: [1] },
  { id: 'quiz-live', slide: SLIDES.quizLive, time: 60, options: ['Red', 'Green', 'Purple'], correct: [0, 1] },
  { id: 'quiz-fast', slide: SLIDES.quizFast, time: 5, options: ['Yes', 'No'], correct: [0] },
] as const;
type QuizId = (typeof QUIZ)[number]['id'];

const NAMES = ['ana', 'bo', 'cy'] as const;
type Name = (typeof NAMES)[number];
const NICKNAMES: Record<Name, string> = { ana: 'Ana', bo: 'Bo', cy: 'Cy' };

interface Player extends Phone {
  frames: ReceivedFrame[];
  pollingRequests: string[];
  dialogs: string[];
}

/** Other phone pages of the test (a second tab): their payloads are checked too. */
const otherPages: { name: string; frames: ReceivedFrame[]; pollingRequests: string[]; dialogs: string[] }[] = [];

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
const players = {} as Record<Name, Player>;
/** Server times: each question's opening, each phone's answer (from its acknowledgement). */
const openedAt = new Map<QuizId, number>();
const answers = new Map<QuizId, Map<Name, { option: number; answeredAt: number }>>();

/** The documented scoring, written out again for the test. */
function expectedScores(settled: QuizId[]): Record<Name, { total: number; last: { outcome: 'right' | 'wrong' | 'missed'; points: number; bonus: number } }> {
  const scores = {} as ReturnType<typeof expectedScores>;
  for (const name of NAMES) {
    let streak = 0;
    let total = 0;
    let last = { outcome: 'missed' as 'right' | 'wrong' | 'missed', points: 0, bonus: 0 };
    for (const quiz of QUIZ.filter((question) => settled.includes(question.id))) {
      const answer = answers.get(quiz.id)?.get(name);
      const right = answer !== undefined && (quiz.correct as readonly number[]).includes(answer.option);
      streak = right ? streak + 1 : 0;
      const limit = quiz.time * 1000;
      const elapsed = right ? Math.min(Math.max(answer.answeredAt - openedAt.get(quiz.id)!, 0), limit) : 0;
      const points = right ? Math.round(1000 * (1 - elapsed / limit / 2)) : 0;
      const bonus = right ? Math.min(100 * (streak - 1), 500) : 0;
      total += points + bonus;
      last = { outcome: answer === undefined ? 'missed' : right ? 'right' : 'wrong', points, bonus };
    }
    scores[name] = { total, last };
  }
  return scores;
}

/** Competition ranking (1, 2, 2, 4) of the players' totals. */
function ranksOf(totals: Record<Name, number>): Record<Name, number> {
  return Object.fromEntries(NAMES.map((name) => [name, 1 + NAMES.filter((other) => totals[other] > totals[name]).length])) as Record<Name, number>;
}

/** The latest whole view (`state`) the phone received. */
function lastView(player: Player): Record<string, unknown> | undefined {
  return objectsIn(player.frames.map((frame) => frame.payload), (object) => object.role === 'audience').at(-1);
}

/** The phone's own answer to a question as the server acknowledged it (answeredAt is the server's clock). */
async function acknowledgedAnswer(player: Player, questionId: string): Promise<{ option: number; answeredAt: number }> {
  const find = () =>
    objectsIn(player.frames.map((frame) => frame.payload), (object) => object.questionId === questionId && typeof object.answeredAt === 'number' && typeof object.answerId === 'string')[0];
  await expect.poll(find, { message: `no acknowledged answer to ${questionId} reached the phone` }).toBeDefined();
  const own = find()!;
  return { option: (own.value as { options: number[] }).options[0]!, answeredAt: own.answeredAt as number };
}

const option = (page: Page, name: string) => page.locator('.options').getByRole('button', { name, exact: true });

async function openQuestion(quiz: (typeof QUIZ)[number]): Promise<void> {
  await presenter.goTo(quiz.slide);
  const state = (await presenter.view()).questions[quiz.id]!;
  expect(state.status).toBe('open');
  openedAt.set(quiz.id, state.openedAt!);
  answers.set(quiz.id, new Map());
  for (const name of NAMES) await players[name].page.waitForSelector(`.question-screen[data-question-id="${quiz.id}"][data-question-status="open"]`);
}

/** Taps an option and waits for "locked in"; keeps the server's answer time. */
async function answer(name: Name, quiz: (typeof QUIZ)[number], index: number): Promise<void> {
  const { page } = players[name];
  await option(page, quiz.options[index]!).tap();
  await page.waitForSelector('.answer-status[data-status="received"]');
  expect(await page.locator('.answer-status').textContent()).toBe(en.statusLockedIn);
  // Final: every option is locked now, the tapped one shown as chosen.
  expect(await page.locator('.options button:not([disabled])').count()).toBe(0);
  expect(await page.locator('.options button[aria-pressed="true"]').textContent()).toContain(quiz.options[index]);
  answers.get(quiz.id)!.set(name, await acknowledgedAnswer(players[name], quiz.id));
}

/** What each phone shows once the question's answer is out, against the formula. */
async function expectScoresShown(quiz: (typeof QUIZ)[number], settled: QuizId[], final: boolean): Promise<void> {
  const scores = expectedScores(settled);
  const totals = Object.fromEntries(NAMES.map((name) => [name, scores[name].total])) as Record<Name, number>;
  const ranks = ranksOf(totals);
  for (const name of NAMES) {
    const { page } = players[name];
    await page.waitForSelector('.score .outcome', { timeout: 10_000 });
    const own: PlayerScore = { points: totals[name], rank: ranks[name], players: NAMES.length, streak: 0, question: null, podium: final ? [] : null };
    expect(await page.locator('.score .outcome').textContent(), `${name} on ${quiz.id}`).toBe(en.outcome(scores[name].last));
    expect(await page.locator('.score .total').textContent(), `${name} on ${quiz.id}`).toBe(en.scoreTotal(own));
    // The right options are marked on the buttons and, in words, in the results.
    const marked = await page.locator('.options button').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.correct));
    expect(marked).toEqual(quiz.options.map((_, index) => String((quiz.correct as readonly number[]).includes(index))));
    const labels = await textsOf(page, '.results .tally-label');
    for (const index of quiz.correct) expect(labels[index]).toContain(en.rightAnswer);
  }
  await expectAnnounced(players.ana.page, en.outcome(scores.ana.last));
}

beforeAll(async () => {
  server = await startServer({ deck: ALL_TYPES_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  for (const name of NAMES) {
    // bo's phone is in dark mode (axe checks its screens' colours); cy's asks for reduced motion.
    const phone = await newPhone(browser, name === 'bo' ? { colorScheme: 'dark' } : name === 'cy' ? { reducedMotion: 'reduce' } : {});
    const dialogs: string[] = [];
    watchDialogs(phone.page, dialogs);
    players[name] = { ...phone, ...captureFrames(phone.page), dialogs };
  }
});

afterAll(async () => {
  for (const name of NAMES) await players[name]?.context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('nicknames on the phone', () => {
  it('are checked by the server: a taken or held-back name is refused with the reason, and another can be picked', async () => {
    for (const name of NAMES) await players[name].page.goto(`${server.url}/j/${joinCode}`);
    // The talk has a quiz: the waiting screen offers the name, in a card that blocks nothing.
    for (const name of NAMES) await players[name].page.waitForSelector('body[data-screen="waiting"] .nickname-form');

    const { ana, bo, cy } = players;
    await ana.page.getByLabel(en.nicknameLabel).fill('  Ana  ');
    await ana.page.getByRole('button', { name: en.nicknameContinue }).tap();
    await ana.page.locator('.nickname-form').waitFor({ state: 'detached' });
    expect(await ana.page.evaluate((code) => localStorage.getItem(`handsup:nickname:${code}`), joinCode)).toBe('Ana');

    // "ANA" clashes with "Ana" whatever the case: the server names a free alternative, the phone says so.
    await bo.page.getByLabel(en.nicknameLabel).fill('ANA');
    await bo.page.getByRole('button', { name: en.nicknameContinue }).tap();
    const clash = bo.page.locator('.nickname-form .problem');
    await clash.waitFor();
    expect(await clash.textContent()).toBe(en.nicknameRefused(en.refusal({ code: 'conflict', detail: { reason: 'nickname_taken', suggestion: 'ANA 2' } })));
    expect(await clash.textContent()).toBe('The name is taken — try “ANA 2”.');
    expect(await bo.page.getByLabel(en.nicknameLabel).getAttribute('aria-invalid')).toBe('true');
    await expectAnnounced(bo.page, 'is taken');
    await expectAccessible(bo.page, 'nickname taken');
    await screenshot(bo.page, 'nickname-taken');
    await bo.page.getByLabel(en.nicknameLabel).fill('Bo');
    await bo.page.getByRole('button', { name: en.nicknameContinue }).tap();
    await bo.page.locator('.nickname-form').waitFor({ state: 'detached' });

    // The deck's blocked words hold nicknames back too.
    await cy.page.getByLabel(en.nicknameLabel).fill('Synergy');
    await cy.page.getByRole('button', { name: en.nicknameContinue }).tap();
    await cy.page.locator('.nickname-form .problem').waitFor();
    expect(await cy.page.locator('.nickname-form .problem').textContent()).toBe(
      en.nicknameRefused(en.refusal({ code: 'bad_request', detail: { reason: 'nickname_held' } })),
    );
    await cy.page.getByLabel(en.nicknameLabel).fill('Cy');
    await cy.page.getByRole('button', { name: en.nicknameContinue }).tap();
    await cy.page.locator('.nickname-form').waitFor({ state: 'detached' });

    // Not asked again after a reload; the server kept the name (its next view says so).
    await cy.page.reload();
    await waitForScreen(cy.page, 'waiting');
    await expect.poll(() => lastView(cy)?.nickname).toBe('Cy');
    expect(await cy.page.locator('.nickname-form').count()).toBe(0);
  });
});

describe('a quiz to the podium on three phones', () => {
  it('question 1: the countdown, one final answer each at its own speed, then right or wrong, points and rank', async () => {
    const quiz = QUIZ[0];
    await openQuestion(quiz);
    const { ana, bo, cy } = players;
    await expectAnnounced(ana.page, en.announceQuestionOpened('Capital of France?'));
    expect(await ana.page.locator('[role="timer"]').textContent()).toMatch(/^\d\d s left$/);
    for (const name of NAMES) expect(lastView(players[name])?.nickname).toBe(NICKNAMES[name]);
    expect(await ana.page.locator('.results').isVisible()).toBe(false);
    expect(await ana.page.locator('.results-hint').textContent()).toBe(en.resultsAfterClose);
    await expectAccessible(ana.page, 'quiz question');
    await screenshot(ana.page, 'quiz-question');

    await answer('ana', quiz, 0);
    await expectAnnounced(ana.page, en.announceLockedIn);
    await expectAccessible(ana.page, 'quiz locked in');
    await screenshot(ana.page, 'quiz-locked-in');
    await bo.page.waitForTimeout(1200);
    await answer('bo', quiz, 1);
    await cy.page.waitForTimeout(1300);
    await answer('cy', quiz, 0);

    await presenter.control(quiz.id, 'close');
    await expectScoresShown(quiz, ['quiz-capital'], false);
    await expectAccessible(ana.page, 'quiz right');
    await screenshot(ana.page, 'quiz-right');
    await expectAccessible(bo.page, 'quiz wrong, dark');
    await screenshot(bo.page, 'quiz-wrong-dark');
    expect(await textsOf(ana.page, '.results .tally-figure')).toEqual(['2 votes, 67%', '1 vote, 33%', '0 votes, 0%']);
  });

  it('question 2: a second tab of the same phone cannot change the answer ("locked in"), and the streak bonus counts', async () => {
    const quiz = QUIZ[1];
    const secondTab = await players.ana.context.newPage();
    const dialogs: string[] = [];
    watchDialogs(secondTab, dialogs);
    otherPages.push({ name: 'ana, second tab', ...captureFrames(secondTab), dialogs });
    await secondTab.goto(`${server.url}/j/${joinCode}`);
    await openQuestion(quiz);
    await secondTab.waitForSelector(`.question-screen[data-question-id="${quiz.id}"]`);

    await answer('ana', quiz, 1);
    // The other tab did not hear of it: its tap reaches the server, which refuses the change
    // (conflict); the tab asks for the state again and shows the answer that counts, locked in.
    await option(secondTab, 'Three').tap();
    await secondTab.waitForFunction(() => document.querySelector('.options button[aria-pressed="true"]')?.textContent?.includes('Four'));
    await secondTab.waitForSelector('.answer-status[data-status="received"]');
    expect(await secondTab.locator('.answer-status').textContent()).toBe(en.statusLockedIn);
    expect(await secondTab.locator('.options button:not([disabled])').count()).toBe(0);
    const refused = otherPages.at(-1)!.frames.filter((frame) => objectsIn(frame.payload, (object) => object.code === 'conflict').length > 0);
    expect(refused).toHaveLength(1);
    await screenshot(secondTab, 'quiz-locked-other-tab');
    await secondTab.close();

    await answer('bo', quiz, 1);
    await players.cy.page.waitForTimeout(800);
    await answer('cy', quiz, 0);
    await presenter.control(quiz.id, 'close');
    await expectScoresShown(quiz, ['quiz-capital', 'quiz-sum'], false);
    expect(await players.ana.page.locator('.score .outcome').textContent()).toMatch(/ \+100 streak bonus$/);
  });

  it('between questions: the waiting screen shows the score so far', async () => {
    await presenter.goTo(SLIDES.title);
    const scores = expectedScores(['quiz-capital', 'quiz-sum']);
    const totals = Object.fromEntries(NAMES.map((name) => [name, scores[name].total])) as Record<Name, number>;
    const ranks = ranksOf(totals);
    for (const name of NAMES) {
      const { page } = players[name];
      await waitForScreen(page, 'waiting');
      expect(await page.locator('.score .total').textContent()).toBe(
        en.scoreTotal({ points: totals[name], rank: ranks[name], players: 3, streak: 0, question: null, podium: null }),
      );
      expect(await page.locator('.score .outcome').count()).toBe(0);
    }
    await expectAccessible(players.bo.page, 'waiting with a score');
    await screenshot(players.bo.page, 'quiz-waiting');
  });

  it('question 3, live results: the distribution while open, but which options are right only after the close', async () => {
    const quiz = QUIZ[2];
    await openQuestion(quiz);
    await answer('ana', quiz, 0);
    await answer('cy', quiz, 2);
    const { page } = players.cy;
    await page.waitForFunction(() => document.querySelector('.results .responses')?.textContent === '2 responses');
    expect(await textsOf(page, '.results .tally-label')).toEqual(['Red', 'Green', 'Purple (your answer)']);
    expect(await page.locator('.options button[data-correct]').count()).toBe(0);
    // The last phone's answer closes the question by itself: every phone in the quiz has answered.
    await answer('bo', quiz, 1);
    await page.waitForSelector('.question-screen[data-question-status="closed"]', { timeout: 10_000 });
    await expectScoresShown(quiz, ['quiz-capital', 'quiz-sum', 'quiz-live'], false);
    expect(await textsOf(page, '.results .tally-label')).toEqual(['Red (right answer)', 'Green (right answer)', 'Purple (your answer)']);
  });

  it('question 4 (5 seconds): says once that time is nearly up, closes itself at zero, and the podium follows', async () => {
    const quiz = QUIZ[3];
    await openQuestion(quiz);
    await answer('ana', quiz, 0);
    await answer('bo', quiz, 0);
    // Reduced motion: the bar steps once a second instead of gliding.
    const transition = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.timer .bar-fill')!).transitionDuration);
    expect(await transition(players.cy.page)).toBe('0s');
    expect(await transition(players.ana.page)).toBe('1s');
    // cy does not answer: the question closes at zero by itself.
    await players.cy.page.waitForSelector('.question-screen[data-question-status="closed"]', { timeout: 10_000 });
    const said = (await announcements(players.cy.page)).filter((message) => message.includes(en.announceTimeRunningOut(2)));
    expect(said).toHaveLength(1);

    await expectScoresShown(quiz, QUIZ.map((question) => question.id), true);
    expect(await players.cy.page.locator('.score .outcome').textContent()).toBe(en.outcome({ outcome: 'missed', points: 0, bonus: 0 }));

    // The podium, as on the projector: the presenter's board is the reference.
    const board = (await presenter.view()).quiz!;
    expect(board.podium).not.toBeNull();
    const scores = expectedScores(QUIZ.map((question) => question.id));
    const totals = Object.fromEntries(NAMES.map((name) => [name, scores[name].total])) as Record<Name, number>;
    const ranks = ranksOf(totals);
    expect(board.podium!.map(({ rank, name, points }) => ({ rank, name, points }))).toEqual(
      [...NAMES].sort((a, b) => ranks[a] - ranks[b]).map((name) => ({ rank: ranks[name], name: NICKNAMES[name], points: totals[name] })),
    );
    for (const name of NAMES) {
      expect(await textsOf(players[name].page, '.podium li')).toEqual(board.podium!.map((entry) => en.podiumEntry(entry)));
    }
    await expectAccessible(players.ana.page, 'quiz podium');
    await screenshot(players.ana.page, 'quiz-podium');

    // After the talk moves on, the waiting screen keeps the final rank and the podium.
    await presenter.goTo(SLIDES.end);
    for (const name of NAMES) {
      const { page } = players[name];
      await waitForScreen(page, 'waiting');
      expect(await page.locator('.score .total').textContent()).toBe(
        en.scoreTotal({ points: totals[name], rank: ranks[name], players: 3, streak: 0, question: null, podium: [] }),
      );
      expect(await page.locator('.podium li').count()).toBe(3);
    }
    await screenshot(players.cy.page, 'quiz-final');
  });

  it('never sent a phone a correct answer before its question was closed and revealed', async () => {
    const questions = (await presenter.view()).questions;
    let checked = 0;
    // The three phones were there all along; the second tab only for one question (its connect, views, the refusal).
    const pages = [...NAMES.map((name) => ({ name, ...players[name], least: 20 })), ...otherPages.map((other) => ({ ...other, least: 3 }))];
    for (const { name, frames, pollingRequests, dialogs, least } of pages) {
      // Everything arrived over the WebSocket, so the capture saw every payload.
      expect(pollingRequests, name).toEqual([]);
      expect(dialogs, name).toEqual([]);
      expect(frames.length, name).toBeGreaterThan(least);
      for (const frame of frames) {
        for (const holder of objectsIn(frame.payload, (object) => Object.hasOwn(object, 'correct'))) {
          checked += 1;
          const state = questions[holder.questionId as string];
          expect(state, frame.raw.slice(0, 200)).toMatchObject({ status: 'closed', revealed: true });
          // The server's clock and the test's are the same machine's: the frame came after the close.
          expect(frame.receivedAt, `${name} got the answer of ${String(holder.questionId)} early: ${frame.raw.slice(0, 300)}`).toBeGreaterThanOrEqual(state!.closedAt!);
        }
      }
    }
    // The test can fail: the answers did reach every phone after each reveal.
    expect(checked).toBeGreaterThanOrEqual(QUIZ.length * NAMES.length);
  });
});

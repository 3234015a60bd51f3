import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../protocol/deck.ts';
import type { PresenterView } from '../../protocol/session.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { send, syncView } from '../support/live-talk.ts';
import { CURRENT_SLIDE, onSlide, textsOf } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * The built-in talk's quiz, run from the presenter console with a projector and three
 * phones, from the first question to the podium: the countdown on both screens, then after
 * each question the right answer, the distribution and the top 5, and at the end the
 * podium — with every score checked against the documented formula (docs/authoring.md).
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const QUIZZES = deck.questions.filter((question): question is QuizQuestion => question.type === 'quiz');
const PLAYERS = ['Ana', 'Ben', 'Cy'] as const;
/** How long a page may take to show what the server already decided: generous, since a loaded machine draws late. */
const SLOW_PAGE_MS = 10_000;
type Player = (typeof PLAYERS)[number];
/** Per quiz question: each player's pick — right (the correct option), wrong (another) or none. */
const PICKS: Record<Player, ('right' | 'wrong' | 'none')[]> = {
  Ana: ['right', 'right', 'right', 'right', 'right'],
  Ben: ['right', 'right', 'wrong', 'right', 'right'],
  Cy: ['wrong', 'right', 'right', 'none', 'right'],
};

let server: ServerProcess;
let browser: Browser;
let consolePage: Page;
let projector: Page;
let presenter: TestSocket;
const phones = new Map<Player, TestSocket>();
/** What the server said, for the formula: when answers opened per question, answeredAt per answer. */
const played: { quiz: QuizQuestion; answersOpenAt: number; answers: Map<Player, { option: number; answeredAt: number }> }[] = [];

/** docs/authoring.md, "Quiz scoring", written out: speed points plus the streak bonus. */
function expectedTotals(): Map<Player, number> {
  const totals = new Map<Player, number>();
  for (const player of PLAYERS) {
    let streak = 0;
    let total = 0;
    for (const { quiz, answersOpenAt, answers } of played) {
      const answer = answers.get(player);
      const right = answer !== undefined && quiz.correct.includes(answer.option);
      streak = right ? streak + 1 : 0;
      if (!right) continue;
      const limit = quiz.time * 1000;
      const elapsed = Math.min(Math.max(answer.answeredAt - answersOpenAt, 0), limit);
      total += Math.round(1000 * (1 - elapsed / limit / 2)) + Math.min(100 * (streak - 1), 500);
    }
    totals.set(player, total);
  }
  return totals;
}

/** The board as text: "1 Ana 4,950 pts", best first, equal points sharing a rank. */
function expectedBoard(): string[] {
  const sorted = [...expectedTotals()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return sorted.map(([name, points]) => {
    const rank = sorted.findIndex(([, other]) => other === points) + 1;
    return `${rank} ${name} ${points.toLocaleString('en')} pts`;
  });
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return textsOf(page, selector);
}

async function countdownValue(page: Page, scope: string): Promise<number> {
  const value = await page.locator(`${scope} .handsup-countdown:not([hidden]) .handsup-countdown-value`).textContent({ timeout: 2000 });
  return Number(value);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  presenter = (await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY })).socket;
  for (const name of PLAYERS) {
    const { socket } = await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId(name) });
    expect(await send(socket)('participant:nickname', { nickname: name })).toMatchObject({ ok: true, nickname: name });
    phones.set(name, socket);
  }
  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  consolePage = await consoleContext.newPage();
  await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
  await consolePage.waitForSelector('body[data-connection="live"]');
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  projector = await projectorContext.newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
});

afterAll(async () => {
  for (const socket of [presenter, ...phones.values()]) socket?.close();
  await browser?.close();
  await server?.stop();
});

describe('the built-in quiz from the console, with a projector and three phones', () => {
  it('starts on the quiz’s title slide', async () => {
    const intro = deck.slides[QUIZZES[0]!.slideIndex - 1]!;
    expect(intro.title).toBe('Quiz: what did Part I say?');
    expect((await send(presenter)('slide:go', { ...intro.position, f: -1 })).ok).toBe(true);
    await onSlide(projector, intro.position);
    await consolePage.waitForFunction((title) => document.getElementById('slide-title')?.textContent === title, intro.title);
  });

  for (const [index, quiz] of QUIZZES.entries()) {
    const last = index === QUIZZES.length - 1;
    it(`question ${index + 1}: “${quiz.question}” counts down, then shows the answer and the ${last ? 'podium' : 'top 5'}`, async () => {
      const slide = deck.slides[quiz.slideIndex]!;
      await consolePage.click('#go-next');
      await onSlide(projector, slide.position);

      // First the read phase: the question shows, the countdown counts to the answers.
      const view = await syncView<PresenterView>(presenter);
      const state = view.questions[quiz.id]!;
      expect(state.status).toBe('open');
      expect(state.answersOpenAt).toBe(state.openedAt! + quiz.read * 1000);
      expect(state.closesAt).toBe(state.answersOpenAt! + quiz.time * 1000);
      if (index === 0) {
        expect(await projector.locator(`${CURRENT_SLIDE} .handsup-countdown[data-phase="read"] .handsup-countdown-label`).textContent({ timeout: 2000 })).toBe('to read');
        await projector.screenshot({ path: artifactPath('stage-quiz-read-projector.png') });
      }
      // Then the countdown on both screens, from the server's closesAt. Each page switches on its
      // own timer: on a loaded machine Chromium draws late, so the bound leaves it room (a wait, not a measurement).
      await projector.waitForSelector(`${CURRENT_SLIDE} .handsup-countdown[data-phase="answer"]`, { timeout: quiz.read * 1000 + SLOW_PAGE_MS });
      await consolePage.waitForSelector('.console-quiz-clock .handsup-countdown[data-phase="answer"]', { timeout: SLOW_PAGE_MS });
      const projectorCount = await countdownValue(projector, CURRENT_SLIDE);
      const consoleCount = await countdownValue(consolePage, '.console-quiz-clock');
      for (const shown of [projectorCount, consoleCount]) {
        expect(shown).toBeLessThanOrEqual(quiz.time);
        expect(shown).toBeGreaterThanOrEqual(quiz.time - 4);
      }
      expect(await projector.locator(`${CURRENT_SLIDE} .handsup-countdown-label`).textContent()).toBe('seconds left');
      // The answer is not on the projector while phones answer.
      expect(await projector.locator(`${CURRENT_SLIDE} .handsup-bar-correct`).count()).toBe(0);
      if (index === 0) {
        // After reveal.js's slide transition.
        await projector.waitForTimeout(900);
        await Promise.all([
          consolePage.screenshot({ path: artifactPath('stage-quiz-countdown-console.png') }),
          projector.screenshot({ path: artifactPath('stage-quiz-countdown-projector.png') }),
        ]);
      }

      // The phones answer; the server's answeredAt comes back in each acknowledgement.
      const answers = new Map<Player, { option: number; answeredAt: number }>();
      const right = quiz.correct[0]!;
      const wrong = right === 0 ? 1 : 0;
      for (const player of PLAYERS) {
        const pick = PICKS[player][index]!;
        if (pick === 'none') continue;
        const option = pick === 'right' ? right : wrong;
        const reply = await send(phones.get(player)!)('answer:submit', { questionId: quiz.id, answerId: makeId('answer'), value: { options: [option] } });
        expect(reply, player).toMatchObject({ ok: true, duplicate: false });
        answers.set(player, { option, answeredAt: (reply.answer as { answeredAt: number }).answeredAt });
      }
      played.push({ quiz, answersOpenAt: state.answersOpenAt!, answers });
      await consolePage.waitForFunction((count) => document.querySelector('.console-responses-count')?.textContent === String(count), answers.size, { timeout: SLOW_PAGE_MS });

      // Every phone answered: the question closed by itself. Otherwise close it from the console. A quiz reveals on close.
      if (answers.size < PLAYERS.length) await consolePage.click('[data-control="voting"]');
      await consolePage.waitForFunction(() => document.querySelector('.console-pill[data-status]')?.textContent === 'Voting closed', undefined, { timeout: SLOW_PAGE_MS });
      const rightRow = `${quiz.options[right]} ✓ correct`;
      await expect.poll(() => texts(projector, `${CURRENT_SLIDE} .handsup-bar.is-correct .handsup-bar-label`), { timeout: SLOW_PAGE_MS }).toEqual([`${String.fromCharCode(65 + right)}. ${rightRow}`]);
      await expect.poll(() => texts(consolePage, '.console-results .handsup-bar.is-correct .handsup-bar-label'), { timeout: SLOW_PAGE_MS }).toEqual([`${String.fromCharCode(65 + right)}. ${rightRow}`]);
      // The distribution, as text.
      const counts = quiz.options.map((_, option) => [...answers.values()].filter((answer) => answer.option === option).length);
      const bars = await texts(projector, `${CURRENT_SLIDE} .handsup-bar`);
      counts.forEach((count, option) => {
        const percent = Math.round((count / answers.size) * 100);
        expect(bars[option]).toMatch(new RegExp(`${percent}% ${count} ${count === 1 ? 'vote' : 'votes'}$`));
      });
      expect(await projector.locator(`${CURRENT_SLIDE} .handsup-countdown`).isHidden()).toBe(true);

      if (!last) {
        await expect.poll(() => texts(projector, `${CURRENT_SLIDE} .handsup-board-entry`), { timeout: SLOW_PAGE_MS }).toEqual(expectedBoard());
        await expect.poll(() => texts(consolePage, '.console-board .handsup-board-entry'), { timeout: SLOW_PAGE_MS }).toEqual(expectedBoard());
        expect(await projector.locator(`${CURRENT_SLIDE} .handsup-board-note`).textContent()).toBe(`3 players, after ${index + 1} of ${QUIZZES.length} quiz questions`);
      } else {
        // The podium: on the last quiz question's slide, once every quiz question is out.
        const podium = expectedBoard().slice(0, 3).map((line) => {
          const [, rank, name, points] = /^(\d) (\S+) (.+)$/.exec(line)!;
          return `${name} ${points} ${['1st', '2nd', '3rd'][Number(rank) - 1]}`;
        });
        await expect.poll(() => texts(projector, `${CURRENT_SLIDE} .handsup-podium-place`), { timeout: SLOW_PAGE_MS }).toEqual(podium);
        await expect.poll(() => texts(consolePage, '.console-board .handsup-podium-place'), { timeout: SLOW_PAGE_MS }).toEqual(podium);
        expect(await projector.locator(`${CURRENT_SLIDE} .handsup-board-title`).textContent()).toBe('Quiz podium');
      }
      await projector.waitForTimeout(900);
      const name = last ? 'podium' : `revealed-${index + 1}`;
      await Promise.all([
        consolePage.screenshot({ path: artifactPath(`stage-quiz-${name}-console.png`) }),
        projector.screenshot({ path: artifactPath(`stage-quiz-${name}-projector.png`) }),
      ]);
      // The slide and its results stay inside the 1280×720 window.
      const box = (await projector.locator(`${CURRENT_SLIDE} .handsup-question`).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    });
  }

  it('the podium fits at 1920×1080 too, and the console stays without overflow', async () => {
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await consolePage.setViewportSize({ width: 1920, height: 1080 });
    await projector.waitForTimeout(500);
    const box = (await projector.locator(`${CURRENT_SLIDE} .handsup-question`).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(await consolePage.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBe(0);
    await projector.screenshot({ path: artifactPath('stage-quiz-podium-projector-1920x1080.png') });
    await consolePage.screenshot({ path: artifactPath('stage-quiz-podium-console-1920x1080.png') });
  });
});

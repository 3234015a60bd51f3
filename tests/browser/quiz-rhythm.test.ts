import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_ADDED_SECONDS, type AudienceView, type PresenterView } from '../../protocol/session.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, nextEvent, type TestSocket } from '../support/clients.ts';
import { onSlide } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';
import { newPhone, type Phone } from './audience-phone.ts';

/**
 * A quiz's rhythm in real Chromium (console, projector, a phone) with a second phone as a
 * socket: the question is read first (a countdown to the answers on every screen, answers
 * refused until then), the question closes by itself once every phone has answered, the
 * presenter adds time or ends it early, and points count from when the answers opened.
 */
const DECK = 'tests/fixtures/quiz-rhythm-deck.md';
const PLANET = { h: 1, v: 0 };
const OCEAN = { h: 2, v: 0 };

let server: ServerProcess;
let browser: Browser;
let consolePage: Page;
let projector: Page;
let phone: Phone;
let socketPhone: TestSocket;
let presenter: TestSocket;
/** Every state the socket phone got, in order. */
const socketPhoneViews: AudienceView[] = [];

async function presenterState(questionId: string) {
  const reply = await presenter.timeout(5000).emitWithAck('state:sync');
  if (!reply.ok) throw new Error(reply.message);
  return (reply.view as PresenterView).questions[questionId]!;
}

async function shoot(name: string): Promise<void> {
  await Promise.all([
    consolePage.screenshot({ path: artifactPath(`quiz-rhythm-${name}-console.png`) }),
    projector.screenshot({ path: artifactPath(`quiz-rhythm-${name}-projector.png`) }),
    phone.page.screenshot({ path: artifactPath(`quiz-rhythm-${name}-phone.png`) }),
  ]);
}

const countdownPhase = (page: Page, scope: string) =>
  page.evaluate((selector) => document.querySelector<HTMLElement>(`${selector} .handsup-countdown`)?.dataset.phase, scope);

beforeAll(async () => {
  server = await startServer({ deck: DECK });
  browser = await launchBrowser();
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  presenter = (await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY })).socket;
  socketPhone = (await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId('phone') })).socket;
  socketPhone.on('state', (view) => socketPhoneViews.push(view as AudienceView));
  phone = await newPhone(browser);
  await phone.page.goto(`${server.url}/j/${joinCode}`);
  // A talk with a quiz may ask for a nickname first.
  await phone.page.waitForSelector('body[data-screen="nickname"], body[data-screen="waiting"]');
  if ((await phone.page.evaluate(() => document.body.dataset.screen)) === 'nickname') {
    await phone.page.getByLabel('Nickname').fill('Ada');
    await phone.page.getByRole('button', { name: 'Continue' }).tap();
    await phone.page.waitForSelector('body[data-screen="waiting"]');
  }
  consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
  await consolePage.waitForSelector('body[data-connection="live"]');
  await consolePage.waitForFunction(() => document.getElementById('participants')?.textContent === '2');
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
});

afterAll(async () => {
  socketPhone?.close();
  presenter?.close();
  await browser?.close();
  await server?.stop();
});

describe('a quiz question: read, answer, close', () => {
  it('shows the question first: every screen counts down to the answers, and the server refuses an answer until then', async () => {
    await consolePage.keyboard.press('ArrowRight');
    await onSlide(projector, PLANET, -1, 3000);
    const state = await presenterState('planet');
    expect(state.answersOpenAt).toBe(state.openedAt! + 8000);
    expect(state.closesAt).toBe(state.answersOpenAt! + 20_000);
    const early = await socketPhone.timeout(5000).emitWithAck('answer:submit', { questionId: 'planet', answerId: makeId('answer'), value: { options: [1] } });
    // The server's clock decides: the answer arrived before answersOpenAt (the test is a few ms in), so it is refused.
    expect(early).toMatchObject({ ok: false, code: 'too_early' });
    expect(early.ok === false && early.message).toMatch(/^answers open once the question has been read — in [1-8] s$/);

    await phone.page.waitForSelector('body[data-screen="question"] .timer:not([hidden])');
    expect(await phone.page.locator('.timer').textContent()).toMatch(/^[1-8] s to read/);
    expect(await phone.page.locator('button.option').evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).disabled))).toEqual([true, true, true]);
    await consolePage.waitForSelector('.console-quiz-clock:not([hidden]) .handsup-countdown[data-phase="read"]');
    await projector.waitForSelector('section.present .handsup-countdown[data-phase="read"]');
    expect(await projector.locator('section.present .handsup-countdown-label').textContent()).toBe('to read');
    await shoot('1-read');
  });

  it('opens the answers on every screen when the read phase ends (the server says so)', async () => {
    const { answersOpenAt } = await presenterState('planet');
    // A state made at (or just after) answersOpenAt reaches the phones, with no move of the presenter's.
    const opened = () => socketPhoneViews.find((view) => view.question?.id === 'planet' && view.serverTime >= answersOpenAt!);
    // The read phase runs on the server's clock: the wait lasts until it ends, then a little more.
    await expect.poll(opened, { timeout: Math.max(0, answersOpenAt! - Date.now()) + 3000 }).toBeDefined();
    expect(opened()!.questionState).toMatchObject({ status: 'open', answersOpenAt });
    expect(opened()!.serverTime - answersOpenAt!).toBeLessThan(1000);
    await phone.page.waitForFunction(() => [...document.querySelectorAll<HTMLButtonElement>('button.option')].every((button) => !button.disabled), undefined, { timeout: 3000 });
    expect(await phone.page.locator('.timer').textContent()).toMatch(/^(20|19|18) s left/);
    await projector.waitForSelector('section.present .handsup-countdown[data-phase="answer"]', { timeout: 3000 });
    await consolePage.waitForSelector('.console-quiz-clock .handsup-countdown[data-phase="answer"]', { timeout: 3000 });
    await shoot('2-answering');
  });

  it(`+${QUIZ_ADDED_SECONDS} s from the console moves the deadline on every screen`, async () => {
    const before = await presenterState('planet');
    const seen = nextEvent(socketPhone, 'state', (view) => (view as AudienceView).questionState?.closesAt === before.closesAt! + QUIZ_ADDED_SECONDS * 1000);
    await consolePage.click('[data-control="add-time"]');
    await seen;
    expect((await presenterState('planet')).closesAt).toBe(before.closesAt! + QUIZ_ADDED_SECONDS * 1000);
    await phone.page.waitForFunction(() => Number.parseInt(document.querySelector('.timer')?.textContent ?? '0', 10) > 20, undefined, { timeout: 3000 });
    await projector.waitForFunction(() => Number(document.querySelector('section.present .handsup-countdown-value')?.textContent) > 20, undefined, { timeout: 3000 });
  });

  it('closes by itself the moment every phone in the room has answered, and scores from when answers opened', async () => {
    const socketAnswer = await socketPhone.timeout(5000).emitWithAck('answer:submit', { questionId: 'planet', answerId: makeId('answer'), value: { options: [1] } });
    expect(socketAnswer).toMatchObject({ ok: true });
    expect((await presenterState('planet')).status).toBe('open');
    await phone.page.getByRole('button', { name: 'Jupiter' }).tap();
    await phone.page.waitForSelector('[data-question-status="closed"]', { timeout: 3000 });
    const closed = await presenterState('planet');
    expect(closed.status).toBe('closed');
    expect(closed.closedAt!).toBeLessThan(closed.closesAt!);
    await consolePage.waitForFunction(() => document.querySelector('.console-pill[data-status]')?.textContent === 'Voting closed', undefined, { timeout: 3000 });
    await projector.waitForFunction(() => document.querySelector('section.present .handsup-live-status')?.textContent === 'Voting closed', undefined, { timeout: 3000 });

    const reveal = await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'planet', action: 'reveal' });
    expect(reveal).toMatchObject({ ok: true });
    const view = (await socketPhone.timeout(5000).emitWithAck('state:sync')) as { ok: true; view: AudienceView };
    const answeredAt = socketAnswer.ok ? (socketAnswer.answer as { answeredAt: number }).answeredAt : 0;
    // docs/authoring.md "Quiz scoring": elapsed counts from when answers opened, not from the opening.
    const elapsed = Math.min(Math.max(answeredAt - closed.answersOpenAt!, 0), 20_000);
    expect(view.view.score?.question).toMatchObject({ outcome: 'right', points: Math.round(1000 * (1 - elapsed / 20_000 / 2)) });
    await consolePage.waitForTimeout(600);
    await shoot('3-closed-by-itself');
  });

  it('End now closes a quiz question early from the console (default read phase: 3 s)', async () => {
    await consolePage.keyboard.press('ArrowRight');
    await onSlide(projector, OCEAN, -1, 3000);
    const state = await presenterState('ocean');
    expect(state.answersOpenAt! - state.openedAt!).toBe(3000);
    await phone.page.waitForFunction(() => [...document.querySelectorAll<HTMLButtonElement>('button.option')].length === 2 && [...document.querySelectorAll<HTMLButtonElement>('button.option')].every((button) => !button.disabled), undefined, {
      // Until the read phase has ended, plus 5 s for the phone's view on a loaded machine (a fixed 6 s once fell short in CI).
      timeout: Math.max(0, state.answersOpenAt! - Date.now()) + 5000,
    });
    await phone.page.getByRole('button', { name: 'Pacific' }).tap();
    await phone.page.waitForSelector('.answer-status[data-status="received"], .answer-status[data-status="locked"]', { timeout: 3000 }).catch(() => undefined);
    expect((await presenterState('ocean')).status).toBe('open');
    await consolePage.click('[data-control="end-now"]');
    await phone.page.waitForSelector('[data-question-status="closed"]', { timeout: 3000 });
    const ended = await presenterState('ocean');
    expect(ended).toMatchObject({ status: 'closed', responses: 1 });
    expect(ended.closedAt!).toBeLessThan(ended.closesAt!);
    // Nothing to add time to any more.
    expect(await presenter.timeout(5000).emitWithAck('question:control', { questionId: 'ocean', action: 'add-time' })).toMatchObject({ ok: false, code: 'closed' });
    await consolePage.waitForTimeout(600);
    await shoot('4-ended-early');
  });
});

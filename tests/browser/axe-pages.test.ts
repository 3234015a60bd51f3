import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { onSlide } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';
import { newPhone, type Phone } from './audience-phone.ts';

/**
 * axe-core in Chromium on the projector and on the phone, through the built-in talk: the
 * title, the join slide, a poll open and revealed, a quiz being read and its standings.
 * Neither page may have a serious, critical or moderate finding.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const JOIN = deck.slides.find((slide) => slide.attributes.class?.includes('handsup-join'))!;
const POLL = deck.questions.find((question) => question.type === 'choice')!;
const QUIZ = deck.questions.find((question) => question.type === 'quiz')!;

let server: ServerProcess;
let browser: Browser;
let presenter: TestSocket;
let projector: Page;
let phone: Phone;

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

async function findings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  });
}

/** No serious, critical or moderate finding (minor ones are advice). */
async function expectClean(page: Page, where: string): Promise<void> {
  const found = (await findings(page)).filter((finding) => finding.impact !== 'minor');
  expect(found, `axe on ${where}`).toEqual([]);
}

async function go(position: { h: number; v: number }): Promise<void> {
  const reply = await presenter.timeout(5000).emitWithAck('slide:go', { ...position, f: -1 });
  if (!reply.ok) throw new Error(reply.message);
  await onSlide(projector, position, undefined, 3000);
  // reveal.js's slide transition: colours are checked on the slide as it stands.
  await projector.waitForTimeout(900);
}

async function control(questionId: string, action: 'close' | 'reveal'): Promise<void> {
  const reply = await presenter.timeout(5000).emitWithAck('question:control', { questionId, action });
  if (!reply.ok) throw new Error(reply.message);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  presenter = (await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY })).socket;
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  phone = await newPhone(browser);
  await phone.page.goto(`${server.url}/j/${joinCode}`);
  await phone.page.waitForSelector('body[data-screen="nickname"], body[data-screen="waiting"]');
});

afterAll(async () => {
  presenter?.close();
  await browser?.close();
  await server?.stop();
});

describe('axe: no serious or moderate finding', () => {
  it('on the projector: title, join slide, a poll open and revealed, a quiz read and settled', async () => {
    await expectClean(projector, 'the title slide');
    await go(JOIN.position);
    await projector.waitForSelector('section.present .handsup-join-panel svg');
    await expectClean(projector, 'the join slide');
    await projector.screenshot({ path: artifactPath('axe-projector-join.png') });

    await go(deck.slides[POLL.slideIndex]!.position);
    const voter = (await connectClient(server.url, { role: 'audience', joinCode: (await (await fetch(`${server.url}/healthz`)).json()).joinCode, participantId: makeId('voter') })).socket;
    await voter.timeout(5000).emitWithAck('answer:submit', { questionId: POLL.id, answerId: makeId('answer'), value: { options: [0] } });
    await expectClean(projector, 'a poll, open');
    await control(POLL.id, 'reveal');
    await projector.waitForSelector('section.present .handsup-live-results .handsup-bar');
    await projector.waitForTimeout(900);
    await expectClean(projector, 'a poll, revealed');
    await projector.screenshot({ path: artifactPath('axe-projector-poll.png') });

    await go(deck.slides[QUIZ.slideIndex]!.position);
    await projector.waitForSelector('section.present .handsup-countdown:not([hidden])');
    await expectClean(projector, 'a quiz question, read phase');
    await projector.screenshot({ path: artifactPath('axe-projector-quiz.png') });
    await control(QUIZ.id, 'close');
    await control(QUIZ.id, 'reveal');
    await projector.waitForTimeout(900);
    await expectClean(projector, 'a quiz question, settled');
    voter.close();
  });

  it('on the phone: its first screen, waiting with the reactions, a question', async () => {
    await expectClean(phone.page, `the ${await phone.page.evaluate(() => document.body.dataset.screen)} screen`);
    if ((await phone.page.evaluate(() => document.body.dataset.screen)) === 'nickname') {
      await phone.page.getByLabel('Nickname').fill('Ada');
      await phone.page.getByRole('button', { name: 'Continue' }).tap();
    }
    await go(JOIN.position);
    await phone.page.waitForSelector('body[data-screen="waiting"] .reactions');
    await expectClean(phone.page, 'the waiting screen');
    await go(deck.slides[POLL.slideIndex]!.position);
    await phone.page.waitForSelector('body[data-screen="question"]');
    await expectClean(phone.page, 'a poll');
    await phone.page.screenshot({ path: artifactPath('axe-phone-poll.png') });
  });
});

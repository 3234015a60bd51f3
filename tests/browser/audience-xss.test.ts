import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../support/phone-strings.ts';
import type { QaResults, TextResults, WordResults } from '../../protocol/session.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type ServerProcess } from '../support/server-process.ts';
import { expectAccessible, joinCodeOf, newPhone, Presenter, screenshot, textsOf, typeAndSend, waitForScreen, watchDialogs, type Phone } from './audience-phone.ts';

/**
 * What the audience types reaches other phones as inert text: nicknames (on the podium),
 * word-cloud words, open answers and Q&A questions carrying markup, script and
 * javascript: links. The test listens for dialogs (an injected alert would open one) and
 * checks the DOM has no injected element and shows the text literally.
 */
const DECK = `# Inert text

---

## Warm-up

\`\`\`poll
id: warm-up
type: quiz
options: [One, Two]
correct: One
time: 60
\`\`\`

---

## Words

\`\`\`poll
id: words
type: wordcloud
max-length: 50
\`\`\`

---

## Answers

\`\`\`poll
id: answers
type: text
\`\`\`

---

## Questions

\`\`\`poll
id: asks
type: qa
\`\`\`
`;

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const LINK = 'javascript:alert(1)';
/** Nicknames are at most 24 characters: the shortest forms of the same three attacks. */
const NICKNAMES = ['<script>alert()</script>', '<svg/onload=alert(1)>', LINK];
const TEXT_ANSWER = `${IMG} ${SCRIPT} <a href="javascript:alert(1)">click</a> [x](${LINK})`;
const QA_QUESTIONS = [`${SCRIPT}${IMG}`, `<a href="${LINK}">${LINK}</a>`];

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
const phones: (Phone & { dialogs: string[] })[] = [];

/** Markup that would run or load something, anywhere in the page; the page has none of its own. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('img, script:not([type="module"]), svg, iframe, object, embed, a[href^="javascript" i], [onerror], [onload], [onclick]')].map(
      (element) => element.outerHTML.slice(0, 80),
    ),
  );
}

async function expectInert(page: Page, texts: string[]): Promise<void> {
  expect(await injected(page)).toEqual([]);
  const shown = await page.locator('#app').textContent();
  for (const text of texts) expect(shown, text).toContain(text);
}

async function showQuestion(position: { h: number; v: number }, questionId: string): Promise<void> {
  await presenter.goTo(position);
  for (const { page } of phones) await page.waitForSelector(`.question-screen[data-question-id="${questionId}"]`);
}

async function send(page: Page, label: string, text: string, button = en.sendButton): Promise<void> {
  await typeAndSend(page, label, text, button);
  await page.waitForSelector('.answer-status[data-status="received"]');
}

beforeAll(async () => {
  const deck = join(tempDataDir(), 'inert.md');
  writeFileSync(deck, DECK);
  server = await startServer({ deck });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  for (const nickname of NICKNAMES) {
    const phone = { ...(await newPhone(browser)), dialogs: [] as string[] };
    watchDialogs(phone.page, phone.dialogs);
    await phone.page.goto(`${server.url}/j/${joinCode}`);
    await phone.page.waitForSelector('body[data-screen="waiting"] .nickname-form');
    await phone.page.getByLabel(en.nicknameLabel).fill(nickname);
    await phone.page.getByRole('button', { name: en.nicknameContinue }).tap();
    await phone.page.locator('.nickname-form').waitFor({ state: 'detached' });
    phones.push(phone);
  }
});

afterAll(async () => {
  for (const { context } of phones) await context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('what the audience types, on phones', () => {
  it('nicknames: the podium shows them as typed, as text', async () => {
    await showQuestion({ h: 1, v: 0 }, 'warm-up');
    for (const { page } of phones) {
      await page.getByRole('button', { name: 'One', exact: true }).tap();
      await page.waitForSelector('.answer-status[data-status="received"]');
    }
    await presenter.control('warm-up', 'close');
    for (const { page } of phones) {
      await page.waitForSelector('.podium li');
      const podium = await textsOf(page, '.podium li');
      expect(podium).toHaveLength(3);
      for (const nickname of NICKNAMES) expect(podium.some((entry) => entry.includes(`. ${nickname}: `)), nickname).toBe(true);
      await expectInert(page, NICKNAMES);
    }
    await screenshot(phones[0]!.page, 'xss-podium');
  });

  it('word-cloud words', async () => {
    await showQuestion({ h: 2, v: 0 }, 'words');
    for (const [index, word] of [IMG, SCRIPT, LINK].entries()) await send(phones[index]!.page, en.wordLabel, word);
    const results = (await presenter.view()).results.words as WordResults;
    expect(results.words.map((word) => word.word).sort()).toEqual([IMG, SCRIPT, LINK].sort());
    for (const { page } of phones) {
      await page.waitForFunction(() => document.querySelectorAll('.results .tally').length === 3);
      await expectInert(page, [IMG, SCRIPT, LINK]);
    }
    await expectAccessible(phones[0]!.page, 'word cloud with markup');
    await screenshot(phones[0]!.page, 'xss-words');
  });

  it('open answers, once the presenter approves them', async () => {
    await showQuestion({ h: 3, v: 0 }, 'answers');
    await send(phones[0]!.page, en.textLabel, TEXT_ANSWER);
    // Clean answers are approved as they arrive; approving again (as the console would) is harmless.
    const answer = ((await presenter.view()).results.answers as TextResults).answers.find((entry) => entry.text === TEXT_ANSWER)!;
    expect(answer).toBeDefined();
    const approved = await presenter.socket.timeout(5000).emitWithAck('moderation:set', { questionId: 'answers', entryId: answer.id, status: 'approved' });
    expect(approved.ok).toBe(true);
    for (const { page } of phones) {
      await page.waitForSelector('.results .tally');
      await expectInert(page, [TEXT_ANSWER]);
    }
    await screenshot(phones[1]!.page, 'xss-text');
  });

  it('Q&A questions, with their upvote buttons', async () => {
    await showQuestion({ h: 4, v: 0 }, 'asks');
    await send(phones[1]!.page, en.qaLabel, QA_QUESTIONS[0]!, en.askButton);
    await send(phones[2]!.page, en.qaLabel, QA_QUESTIONS[1]!, en.askButton);
    const listed = ((await presenter.view()).results.asks as QaResults).questions.map((entry) => entry.text);
    expect(listed.sort()).toEqual([...QA_QUESTIONS].sort());
    const { page } = phones[0]!;
    await page.waitForFunction(() => document.querySelectorAll('.results li').length === 2);
    expect((await textsOf(page, '.results li .qa-text')).sort()).toEqual([...QA_QUESTIONS].sort());
    await page.locator('li', { hasText: 'onerror' }).getByRole('button', { name: en.upvote }).tap();
    await page.waitForSelector('li button[aria-pressed="true"]');
    await page.waitForFunction(() => [...document.querySelectorAll('.results li .hint')].some((about) => about.textContent === '1 vote'));
    for (const phone of phones) await expectInert(phone.page, QA_QUESTIONS);
    await expectAccessible(page, 'Q&A with markup');
    await screenshot(page, 'xss-qa');
  });

  it('opened no dialog on any phone', () => {
    for (const { dialogs } of phones) expect(dialogs).toEqual([]);
  });
});

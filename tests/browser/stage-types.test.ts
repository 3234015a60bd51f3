import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import type { AnswerValue, Reaction } from '../../protocol/session.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { submitWhenOpen } from '../support/answer-when-open.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { connectClient, makeId, type TestSocket } from '../support/clients.ts';
import { send } from '../support/live-talk.ts';
import { onSlide, textsOf } from '../support/projector-room.ts';
import { startServer, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

/**
 * The console and the projector for every question type of the built-in talk but the
 * quiz's run (stage-quiz.test.ts): moderation of text answers, the Q&A, the word cloud,
 * the scale, reactions, what the audience types rendered as inert text, and the console's
 * downloads. Six phones are real sockets; the presenter works the console page.
 */
const { deck } = compileDeckFile(DEFAULT_DECK_FILE);
const questionSlide = (id: string) => deck.slides[deck.questions.find((question) => question.id === id)!.slideIndex]!;
const onProjector = (id: string) => `section[data-handsup-slide="${questionSlide(id).index}"]`;

const XSS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  link: 'javascript:alert(1)',
  /** Nicknames are at most 24 characters: the same attacks, shorter. */
  svg: '<svg/onload=alert(1)>',
  bold: '<b>Bold</b>',
};
const CLEAN = 'Meeting one person I can help';
const PROFANE = 'Honestly this event was shit';

let server: ServerProcess;
let browser: Browser;
let consoleContext: BrowserContext;
let consolePage: Page;
let projector: Page;
let presenter: TestSocket;
const phones: TestSocket[] = [];
/** Every dialog any page opened: an injected script would open one. */
const dialogs: string[] = [];

function watch(page: Page): Page {
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function goTo(questionId: string): Promise<void> {
  const slide = questionSlide(questionId);
  expect((await send(presenter)('slide:go', { ...slide.position, f: -1 })).ok).toBe(true);
  await onSlide(projector, slide.position);
  await consolePage.waitForFunction((id) => document.body.dataset.question === id, questionId, { timeout: 2000 });
}

async function answer(phone: number, questionId: string, value: AnswerValue): Promise<string> {
  const answerId = makeId('answer');
  const reply = await submitWhenOpen(phones[phone]!, { questionId, answerId, value });
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  return answerId;
}

/** The console's entry for an id: the moderation lists key their items by it. */
function consoleEntry(id: string) {
  return consolePage.locator(`.console-queue .console-entry[data-entry-id="${id}"]`);
}

/** Nothing the audience typed became markup: no injected elements, no dialogs, the literal text on the page. */
async function expectInert(page: Page, literals: string[]): Promise<void> {
  for (const frame of page.frames()) {
    const injected = await frame.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"], img[onerror]').length,
      svg: document.querySelectorAll('svg[onload]').length,
      script: [...document.querySelectorAll('script')].filter((script) => script.textContent?.includes('alert')).length,
      link: document.querySelectorAll('a[href^="javascript:"]').length,
      bold: [...document.querySelectorAll('b')].filter((node) => node.textContent === 'Bold').length,
    }));
    expect(injected, frame.url()).toEqual({ img: 0, svg: 0, script: 0, link: 0, bold: 0 });
  }
  const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('svg text')].map((node) => node.textContent).join('\n'));
  for (const literal of literals) expect(text, literal).toContain(literal);
  expect(dialogs).toEqual([]);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const joinCode: string = (await (await fetch(`${server.url}/healthz`)).json()).joinCode;
  presenter = (await connectClient(server.url, { role: 'presenter', key: TEST_PRESENTER_KEY })).socket;
  for (let index = 0; index < 6; index += 1) {
    phones.push((await connectClient(server.url, { role: 'audience', joinCode, participantId: makeId(`phone${index}`) })).socket);
  }
  consoleContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  consolePage = watch(await consoleContext.newPage());
  await consolePage.goto(`${server.url}/presenter?key=${TEST_PRESENTER_KEY}`);
  await consolePage.waitForSelector('body[data-connection="live"]');
  projector = watch(await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage());
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"][data-participants]');
});

afterAll(async () => {
  for (const socket of [presenter, ...phones]) socket?.close();
  await browser?.close();
  await server?.stop();
});

describe('the console and the projector for each question type', () => {
  it('reactions float up on the projector, still with reduced motion, and the console counts them per slide', async () => {
    const slide = deck.slides[1]!;
    expect((await send(presenter)('slide:go', { ...slide.position, f: -1 })).ok).toBe(true);
    await onSlide(projector, slide.position);
    const still = watch(await (await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })).newPage());
    await still.goto(`${server.url}/`);
    await still.waitForSelector('body[data-deck-ready="true"][data-participants]');
    await onSlide(still, slide.position);

    const sent: [number, Reaction][] = [[0, '👏'], [1, '👏'], [2, '👏'], [3, '❤️'], [4, '😂'], [0, '👏']];
    for (const [phone, emoji] of sent) expect(await send(phones[phone]!)('reaction:send', { emoji })).toMatchObject({ ok: true });
    await projector.waitForSelector('.handsup-reaction-float', { timeout: 2000 });
    const floating = await textsOf(projector, '.handsup-reaction-float');
    expect(floating.length).toBeGreaterThan(0);
    expect(floating.length).toBeLessThanOrEqual(6);
    expect(new Set(floating).size).toBeGreaterThan(0);
    for (const emoji of floating) expect(['👏', '❤️', '😂']).toContain(emoji);
    await projector.waitForTimeout(600);
    await projector.screenshot({ path: artifactPath('stage-reactions-projector.png') });

    // Reduced motion: nothing moves, the slide's totals stand in the corner.
    await expect.poll(() => still.locator('.handsup-reaction-totals').textContent(), { timeout: 2000 }).toBe('👏 4 ❤️ 1 😂 1');
    expect(await still.locator('.handsup-reaction-float').count()).toBe(0);
    await still.screenshot({ path: artifactPath('stage-reactions-projector-reduced-motion.png') });
    await still.context().close();

    const count = (emoji: string) => consolePage.locator(`.console-reaction[data-emoji="${emoji}"] .console-reaction-count`).textContent();
    await expect.poll(() => count('👏'), { timeout: 2000 }).toBe('4');
    expect(await count('❤️')).toBe('1');
    expect(await count('😂')).toBe('1');
    expect(await count('🤔')).toBe('0');
    expect(await consolePage.locator('#reactions-summary').textContent()).toBe('6 on this slide · 6 in the talk');
    await consolePage.screenshot({ path: artifactPath('stage-reactions-console.png') });
  });

  it('word cloud: drawn on the projector with the counts as text; the console hides a word', async () => {
    const id = 'came-to-get';
    await goTo(id);
    const words: [number, string][] = [
      [0, 'clients'], [1, 'Clients'], [2, 'clients'], [3, 'a job'], [4, 'a job'], [5, 'leads'],
      [0, 'friends'], [1, 'ideas'], [2, 'contacts'], [3, 'contacts'],
      [0, XSS.script], [1, XSS.svg], [2, XSS.link],
    ];
    for (const [phone, word] of words) await answer(phone, id, { text: word });
    const slide = onProjector(id);
    await expect.poll(() => textsOf(projector, `${slide} .handsup-word`), { timeout: 2000 }).toEqual([
      'clients 3', 'a job 2', 'contacts 2', '<script>alert(1)</script> 1', '<svg/onload=alert(1)> 1', 'friends 1', 'ideas 1', 'javascript:alert(1) 1', 'leads 1',
    ]);
    // The picture: every word placed, as SVG text, the most sent the largest.
    const cloud = await projector.$$eval(`${slide} .handsup-cloud-svg text`, (nodes) =>
      nodes.map((node) => ({ word: node.textContent, size: parseFloat((node as SVGTextElement).style.fontSize) })),
    );
    expect(cloud.map((entry) => entry.word).sort()).toEqual(['<script>alert(1)</script>', '<svg/onload=alert(1)>', 'a job', 'clients', 'contacts', 'friends', 'ideas', 'javascript:alert(1)', 'leads']);
    const size = (word: string) => cloud.find((entry) => entry.word === word)!.size;
    expect(size('clients')).toBeGreaterThan(size('a job'));
    expect(size('a job')).toBeGreaterThan(size('leads'));
    // Inside the slide.
    const box = (await projector.locator(`${slide} .handsup-question`).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    await projector.waitForTimeout(800);
    await projector.screenshot({ path: artifactPath('stage-wordcloud-projector.png') });

    // The console: the cloud too, and every word with its count and a Hide button.
    await expect.poll(() => textsOf(consolePage, '.console-queue[data-queue="words"] .console-entry .console-word-text'), { timeout: 2000 }).toHaveLength(9);
    expect(await consolePage.locator('.console-results .handsup-cloud-svg text').count()).toBe(9);
    const leads = consoleEntry('leads');
    expect(await leads.locator('.console-word-count').textContent()).toBe('1');
    await consolePage.screenshot({ path: artifactPath('stage-wordcloud-console.png') });
    await leads.locator('[data-action="hide"]').click();
    await expect.poll(() => leads.getAttribute('data-status'), { timeout: 2000 }).toBe('hidden');
    expect(await leads.locator('.console-tag').allTextContents()).toEqual(['Hidden']);
    await expect.poll(() => projector.locator(`${slide} .handsup-cloud-svg text`).allTextContents(), { timeout: 2000 }).not.toContain('leads');
    expect(await textsOf(projector, `${slide} .handsup-word`)).not.toContain('leads 1');
    await leads.locator('[data-action="approve"]').click();
    await expect.poll(() => projector.locator(`${slide} .handsup-cloud-svg text`).allTextContents(), { timeout: 2000 }).toContain('leads');
    await expectInert(consolePage, [XSS.script, XSS.svg, XSS.link]);
  });

  it('open text: a moderation queue; the filter’s catch waits, approve puts it on the projector, hide takes one off', async () => {
    const id = 'if-no-one-is-buying';
    await goTo(id);
    const clean = await answer(0, id, { text: CLEAN });
    const profane = await answer(1, id, { text: PROFANE });
    const img = await answer(2, id, { text: XSS.img });
    await answer(3, id, { text: XSS.script });
    await answer(4, id, { text: `Click ${XSS.link}` });
    // The built-in talk's open text is presenter-only: the presenter shows it on the projector.
    expect((await send(presenter)('question:control', { questionId: id, action: 'reveal' })).ok).toBe(true);
    const slide = onProjector(id);
    const onScreen = () => textsOf(projector, `${slide} .handsup-text-body`);

    // The console: what waits first, marked as the filter's catch.
    await expect.poll(() => consolePage.locator('.console-queue[data-queue="text"] .console-entry').count(), { timeout: 2000 }).toBe(5);
    const first = consolePage.locator('.console-queue[data-queue="text"] .console-entry').first();
    expect(await first.getAttribute('data-entry-id')).toBe(profane);
    expect(await first.locator('.console-entry-text').textContent()).toBe(PROFANE);
    expect(await first.locator('.console-tag').allTextContents()).toEqual(['Waiting for you', 'Caught by the filter']);
    expect(await consoleEntry(clean).locator('.console-tag').allTextContents()).toEqual(['On screen']);
    expect(await consolePage.locator('.console-queue-summary').textContent()).toBe('1 waiting for you · 4 on screen');
    // The projector: approved ones only.
    await expect.poll(onScreen, { timeout: 2000 }).toEqual([`Click ${XSS.link}`, XSS.script, XSS.img, CLEAN]);
    await consolePage.screenshot({ path: artifactPath('stage-moderation-console.png') });
    await projector.screenshot({ path: artifactPath('stage-moderation-projector.png') });

    // Approve the catch: it goes up, still marked as the filter's.
    await first.locator('[data-action="approve"]').click();
    await expect.poll(onScreen, { timeout: 2000 }).toContain(PROFANE);
    // The console gets the same update on its own socket: wait for it rather than race the projector.
    await expect
      .poll(() => consoleEntry(profane).locator('.console-tag').allTextContents(), { timeout: 2000 })
      .toEqual(['On screen', 'Caught by the filter']);
    // Hide a clean one: it leaves the projector.
    await consoleEntry(clean).locator('[data-action="hide"]').click();
    await expect.poll(onScreen, { timeout: 2000 }).not.toContain(CLEAN);
    await expect.poll(() => consoleEntry(clean).getAttribute('data-status'), { timeout: 2000 }).toBe('hidden');
    expect(await consoleEntry(clean).locator('[data-action="approve"]').isVisible()).toBe(true);
    expect(await consoleEntry(clean).locator('[data-action="hide"]').isHidden()).toBe(true);
    expect(await consoleEntry(img).locator('.console-entry-text').textContent()).toBe(XSS.img);
    await consolePage.screenshot({ path: artifactPath('stage-moderation-console-decided.png') });
    await projector.screenshot({ path: artifactPath('stage-moderation-projector-decided.png') });
    await expectInert(consolePage, [XSS.img, XSS.script, `Click ${XSS.link}`]);
  });

  it('scale: the console shows the distribution and the average', async () => {
    const id = 'one-to-one-sure';
    await goTo(id);
    for (const [phone, value] of [1, 2, 2, 4, 5, 5].entries()) await answer(phone, id, { value });
    await expect.poll(() => consolePage.locator('.console-results .handsup-scale-average-value').textContent(), { timeout: 2000 }).toBe('3.2');
    expect(await textsOf(consolePage, '.console-results .handsup-bar')).toEqual([
      '1 — No idea at all 17% 1 vote', '2 33% 2 votes', '3 0% 0 votes', '4 17% 1 vote', '5 — I have names ready 33% 2 votes',
    ]);
    await consolePage.screenshot({ path: artifactPath('stage-scale-console.png') });
  });

  it('Q&A: sorted by votes in the console; pin puts one on the projector large; answered and hide', async () => {
    const id = 'room-questions';
    await goTo(id);
    const asked = [
      await answer(0, id, { text: 'How do I start a conversation with a stranger?' }),
      await answer(1, id, { text: 'What if nobody replies to my follow-up?' }),
      await answer(2, id, { text: XSS.img }),
      await answer(3, id, { text: `See ${XSS.link} and ${XSS.script}` }),
    ];
    // Votes: the second question 3, the first 1, the others none.
    for (const [phone, entry] of [[0, 1], [2, 1], [3, 1], [1, 0]] as const) {
      expect(await send(phones[phone]!)('qa:upvote', { questionId: id, entryId: asked[entry]! })).toMatchObject({ ok: true, duplicate: false });
    }
    const entries = '.console-queue[data-queue="qa"] .console-entry';
    await expect.poll(() => textsOf(consolePage, `${entries} .console-qa-votes`), { timeout: 2000 }).toEqual(['3votes', '1vote', '0votes', '0votes']);
    expect(await consolePage.locator(entries).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.entryId))).toEqual([asked[1], asked[0], asked[2], asked[3]]);

    // Pin the first question: the projector shows it large, on top.
    const slide = onProjector(id);
    await consoleEntry(asked[0]!).locator('[data-action="pin"]').click();
    await expect.poll(() => projector.locator(`${slide} .handsup-qa-pinned-text`).textContent(), { timeout: 2000 }).toBe('How do I start a conversation with a stranger?');
    await expect.poll(() => consoleEntry(asked[0]!).locator('.console-tag').allTextContents(), { timeout: 2000 }).toEqual(['Pinned · on screen']);
    expect(await textsOf(projector, `${slide} .handsup-qa-item .handsup-qa-text`)).toEqual(['What if nobody replies to my follow-up?', XSS.img, `See ${XSS.link} and ${XSS.script}`]);
    await projector.waitForTimeout(500);
    await consolePage.screenshot({ path: artifactPath('stage-qa-console.png') });
    await projector.screenshot({ path: artifactPath('stage-qa-projector.png') });

    // Mark the most wanted answered; hide another.
    await consoleEntry(asked[1]!).locator('[data-action="answered"]').click();
    await expect.poll(() => projector.locator(`${slide} .handsup-qa-item.is-answered .handsup-qa-text`).allTextContents(), { timeout: 2000 }).toEqual(['What if nobody replies to my follow-up?']);
    await expect.poll(() => consoleEntry(asked[1]!).locator('.console-tag').allTextContents(), { timeout: 2000 }).toEqual(['Answered']);
    await consoleEntry(asked[3]!).locator('[data-action="hide"]').click();
    await expect.poll(() => textsOf(projector, `${slide} .handsup-qa-item .handsup-qa-text`), { timeout: 2000 }).toEqual(['What if nobody replies to my follow-up?', XSS.img]);
    await expect.poll(() => consoleEntry(asked[3]!).getAttribute('data-status'), { timeout: 2000 }).toBe('hidden');
    // The hidden one sinks to the bottom of the console's list.
    expect(await consolePage.locator(entries).last().getAttribute('data-entry-id')).toBe(asked[3]);
    await consolePage.screenshot({ path: artifactPath('stage-qa-console-marked.png') });
    await projector.screenshot({ path: artifactPath('stage-qa-projector-marked.png') });
    await expectInert(consolePage, [XSS.img, `See ${XSS.link} and ${XSS.script}`]);
  });

  it('nicknames on the quiz board are text on the console and the projector; nothing anyone typed ran', async () => {
    const nicknames = [XSS.svg, XSS.link, XSS.bold];
    for (const [phone, nickname] of nicknames.entries()) {
      expect(await send(phones[phone]!)('participant:nickname', { nickname })).toMatchObject({ ok: true, nickname });
    }
    const id = 'quiz-formal-term';
    await goTo(id);
    for (const phone of [0, 1, 2]) await answer(phone, id, { options: [1] });
    await consolePage.click('[data-control="voting"]');
    const slide = onProjector(id);
    await expect.poll(() => projector.locator(`${slide} .handsup-board-name`).allTextContents(), { timeout: 2000 }).toHaveLength(3);
    expect((await projector.locator(`${slide} .handsup-board-name`).allTextContents()).sort()).toEqual([...nicknames].sort());
    expect((await consolePage.locator('.console-board .handsup-board-name').allTextContents()).sort()).toEqual([...nicknames].sort());
    await projector.screenshot({ path: artifactPath('stage-xss-board-projector.png') });
    await consolePage.screenshot({ path: artifactPath('stage-xss-board-console.png') });
    await expectInert(consolePage, nicknames);
    // The projector keeps every question slide drawn: every payload is there, as text.
    await expectInert(projector, [XSS.img, XSS.script, XSS.svg, XSS.link, XSS.bold]);
  });

  it('downloads: results as CSV and JSON, the talk as PDF; a second PDF while one is made gets the server’s message', async () => {
    await consolePage.click('#downloads > summary');
    const download = async (name: string, path: string) => {
      const [response, file] = await Promise.all([
        consolePage.waitForResponse((candidate) => new URL(candidate.url()).pathname + new URL(candidate.url()).search === path, { timeout: 30_000 }),
        consolePage.waitForEvent('download', { timeout: 30_000 }),
        consolePage.click(`[data-download="${name}"]`),
      ]);
      return { response, file, body: readFileSync((await file.path())!) };
    };
    const csv = await download('results-csv', PRESENTER_EXPORT_PATHS.resultsCsv);
    expect(csv.response.status()).toBe(200);
    expect(csv.response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.file.suggestedFilename()).toMatch(/^three-networking-disconnects-[A-Z]{6}-results\.csv$/);
    expect(csv.body.toString('utf8')).toContain('question_id,question_type,question');
    expect(csv.body.toString('utf8')).toContain(CLEAN);

    const json = await download('results-json', PRESENTER_EXPORT_PATHS.resultsJson);
    expect(json.response.status()).toBe(200);
    expect(json.response.headers()['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body.toString('utf8')).format).toBe('handsup-results/1');

    // The PDF takes a moment: the link says it is busy; a second PDF meanwhile is refused with the server's words.
    const pdfResponse = consolePage.waitForResponse((candidate) => new URL(candidate.url()).pathname === PRESENTER_EXPORT_PATHS.talkPdf && candidate.status() === 200, { timeout: 60_000 });
    const pdfFile = consolePage.waitForEvent('download', { timeout: 60_000 });
    await consolePage.click('[data-download="pdf"]');
    expect(await consolePage.locator('[data-download="pdf"]').getAttribute('aria-busy')).toBe('true');
    expect(await consolePage.locator('[data-download="pdf"]').textContent()).toBe('Making the PDF…');
    await consolePage.screenshot({ path: artifactPath('stage-downloads-busy-console.png') });
    const refused = consolePage.waitForResponse((candidate) => candidate.url().endsWith(`${PRESENTER_EXPORT_PATHS.talkPdf}?notes`), { timeout: 10_000 });
    await consolePage.click('[data-download="pdf-notes"]');
    expect((await refused).status()).toBe(429);
    await expect.poll(() => consolePage.locator('#download-status').textContent(), { timeout: 2000 }).toBe('A PDF of this talk is being made right now; try again in a few seconds.');
    expect(await consolePage.locator('#download-status').getAttribute('class')).toContain('is-problem');
    await consolePage.screenshot({ path: artifactPath('stage-downloads-refused-console.png') });
    const pdf = await pdfResponse;
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = readFileSync((await (await pdfFile).path())!);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => consolePage.locator('[data-download="pdf"]').textContent(), { timeout: 2000 }).toBe('PDF');
    expect(await consolePage.locator('#download-status').textContent()).toMatch(/^Downloaded three-networking-disconnects-[A-Z]{6}\.pdf$/);

    // With the notes, once the first is done.
    const notes = await download('pdf-notes', `${PRESENTER_EXPORT_PATHS.talkPdf}?notes`);
    expect(notes.response.status()).toBe(200);
    expect(notes.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await consolePage.screenshot({ path: artifactPath('stage-downloads-console.png') });
  });

  it('the phone remote (390×844): the moderation buttons are big enough to tap, nothing scrolls sideways', async () => {
    const id = 'if-no-one-is-buying';
    await goTo(id);
    const remote = watch(await consoleContext.newPage());
    await remote.setViewportSize({ width: 390, height: 844 });
    await remote.goto(`${server.url}/presenter`);
    await remote.waitForSelector('.console-queue[data-queue="text"] .console-entry');
    expect(await remote.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const hide = (await remote.locator('.console-entry [data-action="hide"]').first().boundingBox())!;
    expect(hide.height).toBeGreaterThanOrEqual(44);
    await remote.locator('.console-queue').scrollIntoViewIfNeeded();
    await remote.screenshot({ path: artifactPath('stage-moderation-phone-remote.png') });
    await remote.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../protocol/deck.ts';
import { compileDeckFile } from '../../slides/compiler/index.ts';
import { DEFAULT_DECK_FILE } from '../../slides/talks/default.ts';
import { artifactPath, launchBrowser } from '../support/browser.ts';
import { en } from '../support/phone-strings.ts';
import { CURRENT_SLIDE, onSlide } from '../support/projector-room.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { expectAccessible, joinCodeOf, newPhone, Presenter, screenshot, type Phone } from './audience-phone.ts';

/**
 * The built-in talk as the room sees it (issue 13, item 14): the open-text question keeps
 * answers off the phones and the projector until the presenter shows them, and the last
 * slide says where the article can be read.
 */
let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let projector: Page;
let phone: Phone;
let deck: Deck;

const slideOf = (questionId: string) => deck.slides[deck.questions.find((question) => question.id === questionId)!.slideIndex]!.position;

beforeAll(async () => {
  deck = compileDeckFile(DEFAULT_DECK_FILE).deck;
  server = await startServer();
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projector.goto(`${server.url}/`);
  await projector.waitForSelector('body[data-deck-ready="true"]');
  phone = await newPhone(browser);
  await phone.page.goto(`${server.url}/j/${await joinCodeOf(server)}`);
  await phone.page.waitForSelector('body[data-screen="waiting"]');
});

afterAll(async () => {
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('the built-in talk', () => {
  it('open text: the phone says only the presenter sees the answers, and the projector shows none until revealed', async () => {
    const position = slideOf('if-no-one-is-buying');
    await presenter.goTo(position);
    await onSlide(projector, position, undefined, 5000);
    const { page } = phone;
    await page.waitForSelector('.question-screen[data-question-id="if-no-one-is-buying"]');
    expect(await page.locator('.results-hint').textContent()).toBe(en.resultsPresenterOnly);
    await page.getByLabel(en.textLabel, { exact: true }).fill('Learning what others work on');
    await page.getByRole('button', { name: en.sendButton, exact: true }).tap();
    await page.getByText(en.statusEntryPresenterOnly).waitFor();
    expect(await page.locator('.results').isVisible()).toBe(false);
    await expectAccessible(page, 'built-in talk, open text');
    await screenshot(page, 'built-in-open-text');
    // The answer reached the console; the projector's slide lists nothing.
    const results = (await presenter.view()).results['if-no-one-is-buying'];
    expect(results?.type === 'text' ? results.answers.map((answer) => answer.text) : []).toEqual(['Learning what others work on']);
    expect(await projector.locator(CURRENT_SLIDE).innerText()).not.toContain('Learning what others work on');
    await projector.screenshot({ path: artifactPath('built-in-open-text-projector.png') });
  });

  it('the closing poll shows its results to a phone only once it has voted', async () => {
    const position = slideOf('hate-networking-after');
    await presenter.goTo(position);
    const { page } = phone;
    await page.waitForSelector('.question-screen[data-question-id="hate-networking-after"]');
    expect(await page.locator('.results-hint').textContent()).toBe(en.resultsAfterVote);
    await page.getByRole('button', { name: 'No, I enjoy it', exact: true }).tap();
    await page.waitForSelector('.results:not([hidden])');
  });

  it('the last slide names the article and its author', async () => {
    const last = deck.slides.at(-1)!.position;
    await presenter.goTo(last);
    await onSlide(projector, last, undefined, 5000);
    const text = await projector.locator(CURRENT_SLIDE).innerText();
    expect(text).toContain('Three Networking "Disconnects" and some corrections to them, Part I');
    expect(text).toContain('Jeff Hexter');
    expect(text).toContain('I\'ll deal with more in the next email.');
    expect(text).not.toMatch(/Part II/);
    await projector.screenshot({ path: artifactPath('built-in-last-slide.png') });
  });
});

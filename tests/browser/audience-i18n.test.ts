import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refusal, Strings } from '../../audience/strings.ts';
import { ALL_TYPES_DECK, allTypesDeck, SLIDES } from '../support/all-types-deck.ts';
import { launchBrowser } from '../support/browser.ts';
import { en, EVERY_REFUSAL, stringsFor } from '../support/phone-strings.ts';
import { startServer, tempDataDir, type ServerProcess } from '../support/server-process.ts';
import { expectAccessible, joinCodeOf, networkSwitch, newPhone, Presenter, screenshot, type Phone } from './audience-phone.ts';

/**
 * The phone in German and in French (issue 13, item 10), walked through every screen of a
 * talk with every question type: each screen is checked for words left in English.
 */
const LANGUAGES = [
  { code: 'de', locale: 'de-DE' },
  { code: 'fr', locale: 'fr-FR' },
] as const;

let server: ServerProcess;
let browser: Browser;
let presenter: Presenter;
let joinCode: string;
const phones: (Phone & { code: string; strings: Strings })[] = [];

const MARK = '\u0001';
const ODD = 987_654;

/**
 * What English would put on a phone: each table entry's own words. A function is called
 * with markers for the talk's parts and the words between them are kept; pieces shorter
 * than two words are too common to tell a language by.
 */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  for (const [key, value] of Object.entries(en) as [keyof Strings, unknown][]) {
    const text =
      key === 'refusal'
        ? EVERY_REFUSAL.map((refusal) => en.refusal(markedRefusal(refusal))).join(MARK)
        : typeof value === 'string'
        ? value
        : [MARK, ODD, { outcome: 'right', points: ODD, bonus: ODD, podium: [], rank: ODD, players: ODD, name: MARK, votes: ODD, pinned: true, answered: true }]
            .map((argument) => {
              try {
                return (value as (...args: unknown[]) => string)(argument, ODD);
              } catch {
                return '';
              }
            })
            .join(MARK);
    // Split at the talk's parts, and into sentences: a half-translated line is caught too.
    for (const piece of text.split(new RegExp(`${MARK}|${ODD.toLocaleString('en')}|${ODD}|✓|(?<=[.!?…:])\\s+`))) {
      const trimmed = piece.replace(/^[\s.,:;·×+“”"()✓-]+|[\s.,:;·×+“”"()-]+$/g, '');
      // A piece with a number in it ("0 points") would match inside another number ("940 points").
      if (trimmed.split(/\s+/).length >= 2 && trimmed.length >= 8 && !/\d/.test(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** A refusal with markers for its particulars (a word, a number), as englishPieces calls the other entries. */
function markedRefusal(refusal: Refusal): Refusal {
  if (!refusal.detail) return refusal;
  const marked = Object.entries(refusal.detail).map(([name, value]) => [name, name === 'reason' ? value : typeof value === 'number' ? ODD : MARK]);
  return { ...refusal, detail: Object.fromEntries(marked) as Refusal['detail'] };
}

/** The talk's own words (English in the fixture deck), taken out before looking for the phone's. */
const TALK_WORDS = (() => {
  const deck = allTypesDeck();
  const words = [deck.title, ...deck.slides.map((slide) => slide.title)];
  for (const question of deck.questions) {
    words.push(question.question, ...('options' in question ? question.options : []), ...('labels' in question && question.labels ? question.labels : []));
  }
  return words.filter(Boolean).sort((a, b) => b.length - a.length);
})();

/** Everything the phone shows or says in words: visible text, accessible names, the title. */
async function pageWords(page: Page): Promise<string> {
  const words = await page.evaluate(() =>
    [
      document.title,
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label') ?? ''),
      document.getElementById('announcer')?.textContent ?? '',
    ].join('\n'),
  );
  return TALK_WORDS.reduce((left, talk) => left.split(talk).join(' '), words);
}

const ENGLISH = englishPieces();

/** Words on visible buttons that the browser laid out over more than one line. */
function wordsBrokenOnButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, .button')) {
      if (button.offsetParent === null) continue;
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

async function expectNoEnglish(screen: string): Promise<void> {
  for (const phone of phones) {
    const words = await pageWords(phone.page);
    const left = ENGLISH.filter((piece) => words.includes(piece));
    expect(left, `${phone.code}, ${screen}: English on the phone`).toEqual([]);
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${phone.code}`));
    // Longer words than English ("Enregistrer") wrap between words, never inside one.
    expect(await wordsBrokenOnButtons(phone.page), `${phone.code}, ${screen}: a button breaks a word`).toEqual([]);
    await expectAccessible(phone.page, `${phone.code} ${screen}`);
    await screenshot(phone.page, `i18n-${phone.code}-${screen}`);
  }
}

async function everyPhone(step: (phone: (typeof phones)[number]) => Promise<void>): Promise<void> {
  for (const phone of phones) await step(phone);
}

beforeAll(async () => {
  server = await startServer({ deck: ALL_TYPES_DECK });
  joinCode = await joinCodeOf(server);
  presenter = await Presenter.connect(server);
  browser = await launchBrowser();
  for (const { code, locale } of LANGUAGES) {
    phones.push({ ...(await newPhone(browser, { locale })), code, strings: await stringsFor(code, locale) });
  }
});

afterAll(async () => {
  for (const phone of phones) await phone.context.close().catch(() => undefined);
  await browser?.close();
  presenter?.close();
  await server?.stop();
});

describe('the phone in German and French, every screen', () => {
  it('finds the English pieces it looks for (the check can fail)', () => {
    expect(ENGLISH).toContain('Join the talk');
    expect(ENGLISH).toContain('Answers are shown when voting closes');
    expect(ENGLISH).toContain('you already sent');
    expect(ENGLISH).toContain('the name is taken — try');
    expect(ENGLISH.length).toBeGreaterThan(80);
  });

  it('join: the code form and its error', async () => {
    await everyPhone(async ({ page, strings }) => {
      await page.goto(`${server.url}/join`);
      await page.getByLabel(strings.joinCodeLabel).fill('abc');
      await page.getByRole('button', { name: strings.joinButton }).tap();
      await page.getByText(strings.joinCodeMalformed('abc')).waitFor();
    });
    await expectNoEnglish('join');
  });

  it('waiting, with the quiz nickname card', async () => {
    await presenter.goTo(SLIDES.title);
    await everyPhone(async ({ page }) => {
      await page.goto(`${server.url}/j/${joinCode}`);
      await page.waitForSelector('body[data-screen="waiting"] .nickname-form');
    });
    await expectNoEnglish('waiting');
  });

  it('a quiz question: open, locked in, then right or wrong with points and rank', async () => {
    await presenter.goTo(SLIDES.quizCapital);
    await everyPhone(({ page }) => page.waitForSelector('.question-screen[data-question-status="open"] [role="timer"]').then(() => undefined));
    await expectNoEnglish('quiz-open');
    await everyPhone(async ({ page, strings, code }) => {
      await page.getByRole('button', { name: 'Paris', exact: true }).tap();
      await page.getByText(strings.statusLockedIn).waitFor();
      if (code === 'fr') {
        // The German phone took "Lena": the server refuses it with a free one, the phone says so in French.
        await page.getByLabel(strings.nicknameLabel).fill('Lena');
        await page.getByRole('button', { name: strings.nicknameContinue }).tap();
        const taken = strings.nicknameRefused(strings.refusal({ code: 'conflict', detail: { reason: 'nickname_taken', suggestion: 'Lena 2' } }));
        await page.locator('.nickname-form .problem').getByText(taken, { exact: true }).waitFor();
        await expectNoEnglish('refused-nickname');
      }
      await page.getByLabel(strings.nicknameLabel).fill(strings === phones[0]!.strings ? 'Lena' : 'Léa');
      await page.getByRole('button', { name: strings.nicknameContinue }).tap();
      await page.locator('.nickname-form').waitFor({ state: 'detached' });
    });
    await presenter.control('quiz-capital', 'close');
    await everyPhone(({ page }) => page.waitForSelector('.score .outcome').then(() => undefined));
    await expectNoEnglish('quiz-scored');
  });

  it('a scale, with its results and average', async () => {
    await presenter.goTo(SLIDES.scale);
    await everyPhone(async ({ page, strings }) => {
      await page.waitForSelector('.question-screen[data-question-id="scale-sure"]');
      await page.getByRole('button', { name: '4', exact: true }).tap();
      await page.getByText(strings.statusReceivedCanChange).waitFor();
    });
    await everyPhone(({ page }) => page.waitForFunction(() => document.querySelector('.results .responses')?.textContent?.startsWith('2')).then(() => undefined));
    await expectNoEnglish('scale');
  });

  it('a word cloud: sent, listed, words left', async () => {
    await presenter.goTo(SLIDES.cloud);
    await everyPhone(async ({ page, strings }) => {
      await page.waitForSelector('.question-screen[data-question-id="cloud-words"]');
      await page.getByLabel(strings.wordLabel, { exact: true }).fill('Kaffee');
      await page.getByRole('button', { name: strings.sendButton, exact: true }).tap();
      await page.getByText(strings.statusEntryShown).waitFor();
    });
    await expectNoEnglish('wordcloud');
  });

  it('a refusal, in the phone’s language: the same word twice', async () => {
    await everyPhone(async ({ page, strings }) => {
      await page.getByLabel(strings.wordLabel, { exact: true }).fill('Kaffee');
      await page.getByRole('button', { name: strings.sendButton, exact: true }).tap();
      await page.getByText(strings.answerRejected(strings.refusal({ code: 'conflict', detail: { reason: 'already_sent', text: 'Kaffee' } }))).waitFor();
    });
    await expectNoEnglish('refused-word');
  });

  it('open text: one answer each, said before sending; held back when the filter catches it', async () => {
    await presenter.goTo(SLIDES.text);
    await everyPhone(async ({ page, strings }) => {
      await page.waitForSelector('.question-screen[data-question-id="open-text"]');
      await page.getByText(strings.textReplaces).waitFor();
      await page.getByLabel(strings.textLabel, { exact: true }).fill('More synergy');
      await page.getByRole('button', { name: strings.sendButton, exact: true }).tap();
      await page.getByText(strings.statusEntryHeld).waitFor();
      await page.getByRole('button', { name: strings.replaceButton, exact: true }).waitFor();
    });
    await expectNoEnglish('text');
  });

  it('Q&A: asked, listed with votes, upvoted', async () => {
    await presenter.goTo(SLIDES.qa);
    await everyPhone(async ({ page, strings }) => {
      await page.waitForSelector('.question-screen[data-question-id="audience-qa"]');
      await page.getByLabel(strings.qaLabel, { exact: true }).fill(`Frage ${strings.qaLabel}`);
      await page.getByRole('button', { name: strings.askButton, exact: true }).tap();
      await page.getByText(strings.statusEntryShown).waitFor();
    });
    await everyPhone(async ({ page, strings }) => {
      await page.waitForFunction(() => document.querySelectorAll('.results li').length === 2);
      await page.getByRole('button', { name: strings.upvote }).tap();
      await page.getByRole('button', { name: strings.upvoted }).waitFor();
    });
    await expectNoEnglish('qa');
  });

  it('offline, then back', async () => {
    const switches = await Promise.all(phones.map((phone) => networkSwitch(phone)));
    for (const network of switches) await network.offline();
    await everyPhone(async ({ page, strings }) => {
      await page.getByText(strings.offlineBanner).waitFor();
    });
    await expectNoEnglish('offline');
    for (const network of switches) await network.online();
    await everyPhone(({ page }) => page.waitForFunction(() => document.body.dataset.connection === 'online', null, { timeout: 15_000 }).then(() => undefined));
  });

  it('the podium once every quiz question is out, and the waiting screen with the final score', async () => {
    for (const [position, id] of [
      [SLIDES.quizSum, 'quiz-sum'],
      [SLIDES.quizLive, 'quiz-live'],
      [SLIDES.quizFast, 'quiz-fast'],
    ] as const) {
      await presenter.goTo(position);
      await presenter.control(id, 'close');
    }
    await everyPhone(({ page }) => page.waitForSelector('.podium li').then(() => undefined));
    await expectNoEnglish('podium');
    await presenter.goTo(SLIDES.end);
    await everyPhone(({ page }) => page.waitForSelector('body[data-screen="waiting"] .podium').then(() => undefined));
    await expectNoEnglish('final');
  });
});

describe('a deck with lang:', () => {
  it('speaks the deck\'s language to a phone set to English, and numbers follow it', async () => {
    const deck = join(tempDataDir(), 'lang-fr.md');
    writeFileSync(deck, '---\nlang: fr\n---\n\n# Atelier\n\n---\n\n## Café ou thé ?\n\n```poll\ntype: choice\noptions: [Café, Thé]\n```\n');
    const french = await startServer({ deck });
    const phone = await newPhone(browser, { locale: 'en-US' });
    try {
      const fr = await stringsFor('fr', 'fr');
      const code = await joinCodeOf(french);
      const room = await Presenter.connect(french);
      await room.goTo({ h: 1, v: 0 });
      await phone.page.goto(`${french.url}/j/${code}`);
      await phone.page.getByText(fr.questionHintSingle).waitFor();
      expect(await phone.page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.deckLang])).toEqual(['fr', 'fr']);
      await phone.page.getByRole('button', { name: 'Café', exact: true }).tap();
      await phone.page.getByText(fr.resultsFigure(1, 100)).waitFor();
      await screenshot(phone.page, 'i18n-deck-lang-fr');
      room.close();
    } finally {
      await phone.context.close();
      await french.stop();
    }
  });
});

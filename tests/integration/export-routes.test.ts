import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import { presenterCookieValue, PRESENTER_COOKIE } from '../../server/auth/presenter-cookie.ts';
import type { ResultsJson } from '../../server/export/results-json.ts';
import { JOIN_JSON_PATH, type JoinInfo } from '../../protocol/routes.ts';
import { builtInTalk, seedBuiltInTalk, SEEDED, type SeededSession } from '../support/export-session.ts';
import { LiveTalk } from '../support/live-talk.ts';
import { qrCodeOnPdfPage } from '../support/pdf-qr.ts';
import { pdfPageTexts, squeeze } from '../support/pdf-text.ts';
import { TEST_PRESENTER_KEY } from '../support/server-process.ts';

const deck = builtInTalk();
const COOKIE = { cookie: `${PRESENTER_COOKIE}=${presenterCookieValue(TEST_PRESENTER_KEY)}` };
let talk: LiveTalk;
let seeded: SeededSession;

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${talk.server.url}${path}`, { headers });
}

beforeAll(async () => {
  talk = await LiveTalk.start('slides/talks/three-networking-disconnects.md');
  seeded = await seedBuiltInTalk(talk);
});

afterAll(async () => {
  await talk?.close();
});

describe('the presenter’s downloads on the live server', () => {
  it('are refused without the presenter’s cookie, or with a wrong one', async () => {
    for (const path of Object.values(PRESENTER_EXPORT_PATHS)) {
      const none = await get(path);
      expect(none.status).toBe(403);
      expect(await none.text()).toContain('The export is for the presenter');
      const wrong = await get(path, { cookie: `${PRESENTER_COOKIE}=${presenterCookieValue('another-key-0123456789')}` });
      expect(wrong.status).toBe(403);
      // A page of another origin (another port of this machine) cannot use the cookie.
      const elsewhere = await get(path, { ...COOKIE, origin: 'http://127.0.0.1:1' });
      expect(elsewhere.status).toBe(403);
    }
  });

  it('give the results as CSV and JSON while the talk runs, with the seeded numbers', async () => {
    const csvResponse = await get(PRESENTER_EXPORT_PATHS.resultsCsv, COOKIE);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvResponse.headers.get('content-disposition')).toBe(`attachment; filename="three-networking-disconnects-${seeded.joinCode}-results.csv"`);
    const rows = parse(await csvResponse.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(SEEDED.storedResponses);
    const opening = rows.filter((row) => row.question_id === SEEDED.hateNetworking.id && row.status === 'counted');
    const options = ['Yes, I hate it', 'No, I enjoy it', 'I hate networking, but I like building relationships'];
    expect(options.map((option) => opening.filter((row) => row.answer === option).length)).toEqual(SEEDED.hateNetworking.counts);

    const jsonResponse = await get(PRESENTER_EXPORT_PATHS.resultsJson, COOKIE);
    expect(jsonResponse.status).toBe(200);
    expect(jsonResponse.headers.get('content-disposition')).toBe(`attachment; filename="three-networking-disconnects-${seeded.joinCode}-results.json"`);
    const json = (await jsonResponse.json()) as ResultsJson;
    expect(json.session.joinCode).toBe(seeded.joinCode);
    const after = json.questions.find((question) => question.id === SEEDED.hateNetworkingAfter.id)!;
    expect(after.distribution!.map((entry) => entry.count)).toEqual(SEEDED.hateNetworkingAfter.counts);
  });

  it('gives the talk as a PDF, one at a time, and the talk goes on', async () => {
    // Two at once: one is made, the other is refused politely.
    const both = await Promise.all([get(PRESENTER_EXPORT_PATHS.talkPdf, COOKIE), get(PRESENTER_EXPORT_PATHS.talkPdf, COOKIE)]);
    expect(both.map((reply) => reply.status).sort()).toEqual([200, 429]);
    const refused = both.find((reply) => reply.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.text()).toContain('A PDF of this talk is being made right now');

    const response = both.find((reply) => reply.status === 200)!;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="three-networking-disconnects-${seeded.joinCode}.pdf"`);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(deck.slides.length);
    const opening = deck.questions.find((question) => question.id === SEEDED.hateNetworking.id)!;
    expect(squeeze(pages[opening.slideIndex]!)).toContain(squeeze('Yes, I hate it 50% 3 votes'));

    // The join slide is the talk's, as on the projector: the code and a QR code of the link phones are given.
    const joinPage = pages.findIndex((page) => page.includes('JOIN IN'));
    expect(joinPage).toBeGreaterThanOrEqual(0);
    expect(pages[joinPage]).not.toContain('The QR code appears when the talk runs');
    const joinSlide = (await (await get(JOIN_JSON_PATH, COOKIE)).json()) as JoinInfo;
    expect(joinSlide.url).toBe(`${talk.server.url}/j/${seeded.joinCode}`);
    const folder = mkdtempSync(join(tmpdir(), 'handsup-console-pdf-'));
    try {
      writeFileSync(join(folder, 'talk.pdf'), pdf);
      expect(await qrCodeOnPdfPage(join(folder, 'talk.pdf'), joinPage + 1)).toBe(joinSlide.url);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // The live session is the same one, still answering.
    const health = await (await fetch(`${talk.server.url}/healthz`)).json();
    expect(health.joinCode).toBe(seeded.joinCode);
    expect((await talk.presenterView()).results[SEEDED.hateNetworking.id]).toMatchObject({ responses: SEEDED.hateNetworking.responses });
  });
});

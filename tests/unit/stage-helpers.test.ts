import { describe, expect, it } from 'vitest';
import type { QaEntry, QuestionState, Results } from '../../protocol/session.ts';
import { byVotes } from '../../slides/console/qa-manager.ts';
import { countsLine } from '../../slides/console/type-section.ts';
import { onScreen } from '../../slides/shared/results/on-screen.ts';
import { ServerClock } from '../../slides/shared/server-clock.ts';

const open = (closesAt?: number): QuestionState => ({
  questionId: 'q',
  status: 'open',
  revealed: false,
  responses: 0,
  openedAt: 0,
  closedAt: null,
  ...(closesAt === undefined ? {} : { closesAt }),
});

describe('the server clock', () => {
  it('counts a quiz down on the server’s time, whatever the local clock says', () => {
    let local = 1_000;
    const clock = new ServerClock(() => local);
    // The server is 5 s ahead of this laptop.
    clock.sync(6_000);
    expect(clock.now()).toBe(6_000);
    expect(clock.remaining(open(26_000))).toBe(20_000);
    local += 15_500;
    expect(clock.remaining(open(26_000))).toBe(4_500);
    local += 10_000;
    expect(clock.remaining(open(26_000))).toBe(0);
  });

  it('has no countdown for a question that is not an open quiz', () => {
    const clock = new ServerClock(() => 0);
    expect(clock.remaining(undefined)).toBeUndefined();
    expect(clock.remaining(open())).toBeUndefined();
    expect(clock.remaining({ ...open(10_000), status: 'closed' })).toBeUndefined();
  });
});

describe('what the projector may show', () => {
  const entry = { flagged: false };
  it('keeps only approved words, answers and questions, and recounts the words', () => {
    const words: Results = {
      type: 'wordcloud',
      questionId: 'w',
      responses: 3,
      total: 6,
      words: [
        { id: 'a', word: 'a', count: 3, status: 'approved', ...entry },
        { id: 'b', word: 'b', count: 2, status: 'pending', flagged: true },
        { id: 'c', word: 'c', count: 1, status: 'hidden', ...entry },
      ],
    };
    expect(onScreen(words)).toMatchObject({ total: 3, words: [{ id: 'a' }] });
    const texts: Results = {
      type: 'text',
      questionId: 't',
      responses: 2,
      answers: [
        { id: '1', text: 'rude', answeredAt: 2, status: 'pending', flagged: true },
        { id: '2', text: 'fine', answeredAt: 1, status: 'approved', ...entry },
      ],
    };
    expect(onScreen(texts)).toMatchObject({ responses: 2, answers: [{ id: '2' }] });
    const choice: Results = { type: 'choice', questionId: 'c', responses: 1, options: [{ option: 'x', count: 1, percent: 100 }] };
    expect(onScreen(choice)).toBe(choice);
  });
});

describe('the console’s Q&A order', () => {
  const question = (id: string, votes: number, askedAt: number, status: QaEntry['status'] = 'approved'): QaEntry => ({
    id,
    text: id,
    votes,
    askedAt,
    status,
    flagged: false,
    answered: false,
    pinned: false,
  });
  it('puts waiting questions first, then the most votes (oldest first among equals), hidden ones last', () => {
    const sorted = byVotes([question('few', 1, 1), question('hidden', 9, 1, 'hidden'), question('many', 5, 3), question('tie-old', 1, 0), question('waiting', 0, 5, 'pending')]);
    expect(sorted.map((entry) => entry.id)).toEqual(['waiting', 'many', 'tie-old', 'few', 'hidden']);
  });

  it('summarises counts in words, leaving out the zeros', () => {
    expect(countsLine([[1, 'waiting for you'], [0, 'hidden'], [4, 'on screen']])).toBe('1 waiting for you · 4 on screen');
  });
});

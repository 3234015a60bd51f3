import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QaResults } from '../../protocol/session.ts';
import type { Proposal } from '../../server/engine/effects.ts';
import type { RecordOf } from '../../server/store/records.ts';
import { openTalk, type Talk } from '../../server/talk.ts';
import { allTypesDeck, SLIDES } from '../support/all-types-deck.ts';

/** The one answer or upvote record a proposal makes: what the live wiring appends to the log. */
function batched(proposal: Proposal): RecordOf<'answer'> | RecordOf<'vote'> {
  if (!proposal.ok) throw new Error(proposal.message);
  const [record] = proposal.records;
  if (record?.kind !== 'answer' && record?.kind !== 'vote') throw new Error(`expected one answer or upvote, got ${JSON.stringify(proposal.records)}`);
  return record;
}

describe('reloading a talk after a deck edit (handsup dev)', () => {
  let dataDir: string | undefined;
  let talk: Talk | undefined;
  afterEach(async () => {
    talk?.log.close();
    await talk?.store.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the answers and the upvotes still gathering before the new engine reads the store back', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'handsup-reload-'));
    const deck = allTypesDeck();
    talk = openTalk({ deck, deckFile: join(dataDir, 'talk.md'), dataDir, env: {} });
    const { engine, log } = talk;
    log.onCommitted((records) => engine.fold(records));
    const moved = engine.goTo({ ...SLIDES.qa, f: -1 }, 1);
    if (!moved.ok) throw new Error(moved.message);
    // One question asked and committed; then one upvote and one more question, both still gathering.
    await log.append(batched(engine.proposeAnswer('p1', { questionId: 'audience-qa', answerId: 'q1', value: { text: 'Why Markdown?' } }, 2)));
    const upvoted = log.append(batched(engine.proposeVote('p2', 'audience-qa', 'q1', 3)));
    const asked = log.append(batched(engine.proposeAnswer('p3', { questionId: 'audience-qa', answerId: 'q2', value: { text: 'Does it scale?' } }, 4)));

    const reloaded = talk.reload(deck);

    const questions = (reloaded.results('audience-qa') as QaResults).questions;
    expect(questions.map((entry) => [entry.id, entry.votes])).toEqual([['q1', 1], ['q2', 0]]);
    await Promise.all([upvoted, asked]);
  });
});

import type { StoredVote } from '../store/records.ts';

/** Q&A upvotes: at most one per participant and entry, counted both ways for quick views. */
export class VoteBook {
  /** questionId → entryId → voters. */
  private readonly voters = new Map<string, Map<string, Set<string>>>();
  /** questionId → participantId → entries it voted for. */
  private readonly votedBy = new Map<string, Map<string, Set<string>>>();

  /** False when this participant had already voted for the entry. */
  add(vote: StoredVote): boolean {
    const voters = nested(nested(this.voters, vote.questionId), vote.entryId, () => new Set<string>());
    if (voters.has(vote.participantId)) return false;
    voters.add(vote.participantId);
    nested(nested(this.votedBy, vote.questionId), vote.participantId, () => new Set<string>()).add(vote.entryId);
    return true;
  }

  count(questionId: string, entryId: string): number {
    return this.voters.get(questionId)?.get(entryId)?.size ?? 0;
  }

  entriesVotedBy(questionId: string, participantId: string): string[] {
    return [...(this.votedBy.get(questionId)?.get(participantId) ?? [])];
  }

  clear(questionId: string): void {
    this.voters.delete(questionId);
    this.votedBy.delete(questionId);
  }
}

function nested<V>(map: Map<string, V>, key: string, make: () => V = () => new Map() as V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

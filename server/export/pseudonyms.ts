/**
 * Stable stand-ins for participant ids in exported data: P0001 for the first phone to
 * answer in the session, P0002 for the next, and so on. The ids phones made never leave
 * the server, and the same session always exports the same pseudonyms.
 */
export class Pseudonyms {
  private readonly byParticipant = new Map<string, string>();

  /** participantIds: the participants in the order they first answered. */
  constructor(participantIds: Iterable<string>) {
    for (const participantId of participantIds) this.of(participantId);
  }

  of(participantId: string): string {
    let pseudonym = this.byParticipant.get(participantId);
    if (pseudonym === undefined) {
      pseudonym = `P${String(this.byParticipant.size + 1).padStart(4, '0')}`;
      this.byParticipant.set(participantId, pseudonym);
    }
    return pseudonym;
  }
}

import { failure, type Failure } from '../../protocol/errors.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { nicknameKey } from '../store/records.ts';
import { characterCount, cleanTypedText } from './question-types/typed-text.ts';

/** "Player 3F9A": the name a phone without a nickname has on a board; derived from its id, never revealing it. */
export function fallbackName(participantId: string): string {
  let hash = 0x811c9dc5; // FNV-1a
  for (let index = 0; index < participantId.length; index += 1) {
    hash = Math.imul(hash ^ participantId.charCodeAt(index), 0x01000193) >>> 0;
  }
  return `Player ${(hash & 0xffff).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Cuts to at most `limit` characters without splitting an emoji or a surrogate pair. */
function clip(text: string, limit: number): string {
  return [...text].slice(0, limit).join('').trimEnd();
}

/**
 * Nicknames of one session: trimmed, length-limited, unique regardless of case. A phone
 * may change its own nickname; taking one another phone has gets `conflict` with a
 * free alternative to try.
 */
export class NicknameBook {
  private readonly byParticipant = new Map<string, string>();
  private readonly ownerByKey = new Map<string, string>();

  nameOf(participantId: string): string | null {
    return this.byParticipant.get(participantId) ?? null;
  }

  /** The board name: the nickname, or the fallback. */
  displayName(participantId: string): string {
    return this.byParticipant.get(participantId) ?? fallbackName(participantId);
  }

  /** Checks and normalises a nickname for this participant; does not take it yet. */
  check(participantId: string, raw: string, isProfane: (text: string) => boolean): { ok: true; nickname: string; changed: boolean } | Failure {
    const cleaned = cleanTypedText(raw, LIMITS.nicknameMaxLength, 'nickname', true);
    if (!cleaned.ok) return failure('bad_request', cleaned.message, cleaned.detail);
    const nickname = cleaned.text;
    if (isProfane(nickname)) return failure('bad_request', 'pick another nickname: this one would be held back from the screen', { reason: 'nickname_held' });
    const owner = this.ownerByKey.get(nicknameKey(nickname));
    if (owner !== undefined && owner !== participantId) {
      const suggestion = this.suggest(nickname);
      return failure('conflict', `the nickname "${nickname}" is taken — try "${suggestion}"`, { reason: 'nickname_taken', suggestion });
    }
    return { ok: true, nickname, changed: this.byParticipant.get(participantId) !== nickname };
  }

  /**
   * Folds a committed nickname. The first in the log keeps it: a later record taking a
   * nickname someone else holds is refused (false), on every node alike, so two phones on
   * two nodes that checked it in the same instant cannot both get it.
   */
  take(participantId: string, nickname: string): boolean {
    const owner = this.ownerByKey.get(nicknameKey(nickname));
    if (owner !== undefined && owner !== participantId) return false;
    const previous = this.byParticipant.get(participantId);
    if (previous !== undefined) this.ownerByKey.delete(nicknameKey(previous));
    this.byParticipant.set(participantId, nickname);
    this.ownerByKey.set(nicknameKey(nickname), participantId);
    return true;
  }

  /** Every participant's nickname, as the log's records add up to. */
  all(): { participantId: string; nickname: string }[] {
    return [...this.byParticipant].map(([participantId, nickname]) => ({ participantId, nickname }));
  }

  private suggest(nickname: string): string {
    for (let number = 2; ; number += 1) {
      const suffix = ` ${number}`;
      const candidate = `${clip(nickname, LIMITS.nicknameMaxLength - characterCount(suffix))}${suffix}`;
      if (!this.ownerByKey.has(nicknameKey(candidate))) return candidate;
    }
  }
}

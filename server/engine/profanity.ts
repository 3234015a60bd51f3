import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { DeckModeration } from '../../protocol/deck.ts';

/** Says whether a text should wait for the presenter instead of going on screen. */
export type ProfanityCheck = (text: string) => boolean;

export const DEFAULT_MODERATION: DeckModeration = { profanityFilter: true, blockedWords: [] };

let builtIn: RegExpMatcher | undefined;

/** obscenity's English list; it also sees through l33t speak, repeated letters and look-alike characters. */
function builtInMatcher(): RegExpMatcher {
  builtIn ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return builtIn;
}

/** Lower case, letters and digits only, single spaces, padded: " more synergy ". */
function words(text: string): string {
  return ` ${text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * The built-in list plus the presenter's own words and phrases. The presenter's are
 * matched literally as whole words ("synergy" holds "Synergy!" but not "synergies"),
 * so what they hold is predictable. With the filter off and no words, nothing is held.
 */
export function createProfanityCheck(settings: DeckModeration = DEFAULT_MODERATION): ProfanityCheck {
  const blocked = settings.blockedWords.map(words).filter((word) => word.trim() !== '');
  const matcher = settings.profanityFilter ? builtInMatcher() : undefined;
  if (!matcher && blocked.length === 0) return () => false;
  return (text) => {
    if (matcher?.hasMatch(text)) return true;
    if (blocked.length === 0) return false;
    const padded = words(text);
    return blocked.some((word) => padded.includes(word));
  };
}

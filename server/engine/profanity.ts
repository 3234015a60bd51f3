import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from 'obscenity';
import type { DeckModeration } from '../../protocol/deck.ts';

/** Says whether a text should wait for the presenter instead of going on screen. */
export type ProfanityCheck = (text: string) => boolean;

export const DEFAULT_MODERATION: DeckModeration = { profanityFilter: true, blockedWords: [] };

// obscenity's pattern syntax gives [ ] ? | \ a meaning; the presenter's words are literal.
function literalPattern(word: string): string {
  return word.toLowerCase().replace(/[[\]?|\\]/g, (character) => `\\${character}`);
}

/**
 * The built-in English list (obscenity's, which also sees through l33t speak, repeated
 * letters and look-alike characters) plus the presenter's own words, each matched as a
 * whole word or phrase. With the filter off and no words of its own, nothing is held.
 */
export function createProfanityCheck(settings: DeckModeration = DEFAULT_MODERATION): ProfanityCheck {
  const words = settings.blockedWords.map((word) => word.trim()).filter((word) => word !== '');
  if (!settings.profanityFilter && words.length === 0) return () => false;
  const dataset = new DataSet<{ originalWord?: string }>();
  if (settings.profanityFilter) dataset.addAll(englishDataset);
  for (const word of words) {
    dataset.addPhrase((phrase) => phrase.setMetadata({ originalWord: word }).addPattern(parseRawPattern(`|${literalPattern(word)}|`)));
  }
  const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
  return (text) => matcher.hasMatch(text);
}

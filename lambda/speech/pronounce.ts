/**
 * Applies the pronunciation lexicon: words Alexa tends to get wrong become <phoneme> (IPA) or <sub>
 * (letters read one by one), everything else is escaped text.
 */
import type { LexiconEntry } from '../content/types';
import { element, escapeText, type Ssml } from './ssml';

export type Pronouncer = (text: string) => Ssml;

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLetters = (s: string) => /^[A-Z-]+$/.test(s);

export function createPronouncer(lexicon: readonly LexiconEntry[]): Pronouncer {
  if (lexicon.length === 0) return escapeText;
  const byLowerCase = new Map(lexicon.map((e) => [e.written.toLowerCase(), e]));
  // Longest first, so "PET-CT" wins over "CT"; whole words only, so "CT" never matches inside a word.
  const alternatives = [...lexicon].sort((a, b) => b.written.length - a.written.length).map((e) => regexEscape(e.written));
  const pattern = new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'gi');

  return (text: string): Ssml => {
    let out = '';
    let from = 0;
    for (const match of text.matchAll(pattern)) {
      const entry = byLowerCase.get(match[0].toLowerCase());
      // Abbreviations match only as written in capitals: "CT" is letters, "ct" is not ours to change.
      if (!entry || (isLetters(entry.written) && match[0] !== entry.written)) continue;
      out += escapeText(text.slice(from, match.index)) + pronounced(entry, match[0]);
      from = match.index + match[0].length;
    }
    return (out + escapeText(text.slice(from))) as Ssml;
  };
}

function pronounced(entry: LexiconEntry, written: string): Ssml {
  if (entry.ipa) return element('phoneme', { alphabet: 'ipa', ph: entry.ipa }, escapeText(written));
  return element('sub', { alias: entry.say ?? written }, escapeText(written));
}

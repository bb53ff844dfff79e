/** The page's hard words in what was said: the content compiler indexes them, the skill looks them up. */
import type { AnswerContent, TermPlace } from './types';

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words only, any case: "CT" is not in "PET-CT", "femur" is in "the Femur,". */
export const usesTerm = (text: string, term: string): boolean => new RegExp(`(?<![\\w-])${regexEscape(term)}(?![\\w-])`, 'i').test(text);

/** The first sentence of the page that uses the longest hard word said, if any ("PET-CT" before "CT"). */
export function termPlaceIn(content: AnswerContent, heard: string): TermPlace | undefined {
  const said = Object.keys(content.terms)
    .filter((term) => usesTerm(heard, term))
    .sort((a, b) => b.length - a.length);
  return said.length ? content.terms[said[0]] : undefined;
}

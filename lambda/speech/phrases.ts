/** Small pieces of spoken English: lists read aloud, counts in words. */
import type { Ssml } from './ssml';
import { concatSpoken, joinSpoken, silence, SILENT, type Spoken } from './spoken';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "seven", not "7": Alexa would say it anyway, but words keep the cards and the tests readable. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Between list items: long enough to hear where one ends, short enough not to sound like the end. */
const BETWEEN_ITEMS_MS = 250;
const COMMA: Spoken = { ssml: ',' as Ssml, words: 0, breakMs: 0 };
const AND: Spoken = { ssml: 'and' as Ssml, words: 1, breakMs: 0 };
const BETWEEN = silence(BETWEEN_ITEMS_MS);

/** "the spine, the ribs and the pelvis", with a short pause between items for listeners who can't see a list. */
export function spokenList(items: readonly Spoken[]): Spoken {
  if (items.length <= 1) return items[0] ?? SILENT;
  const head: Spoken[] = [];
  items.slice(0, -1).forEach((item, i) => {
    // "a,<break/> b": the comma against the item, the pause after it.
    head.push(i === 0 ? item : joinSpoken(BETWEEN, item));
    if (i < items.length - 2) head.push(COMMA);
  });
  return joinSpoken(concatSpoken(head), BETWEEN, AND, items[items.length - 1]);
}

/** An item followed by a comma, as in a list of names that goes on ("They include a, b, and three more"). */
export const withComma = (item: Spoken): Spoken => concatSpoken([item, COMMA]);

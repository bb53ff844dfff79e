/** Small pieces of spoken English: lists read aloud, counts in words, UI sentences with slots filled. */
import { escapeText, joinSsml, pause, type Ssml } from './ssml';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "seven", not "7": Alexa would say it anyway, but words keep the cards and the tests readable. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Between list items: long enough to hear where one ends, short enough not to sound like the end. */
const BETWEEN_ITEMS_MS = 250;

/** "the spine, the ribs and the pelvis", with a short pause between items for listeners who can't see a list. */
export function spokenList(items: readonly Ssml[]): Ssml {
  if (items.length <= 1) return items[0] ?? ('' as Ssml);
  const head = items.slice(0, -1).join(`,${pause(BETWEEN_ITEMS_MS)} `);
  return joinSsml(head as Ssml, pause(BETWEEN_ITEMS_MS), 'and' as Ssml, items[items.length - 1]);
}

/** Fills `{slot}`s in a UI sentence: the sentence is escaped as text, the values are already SSML. */
export function fillTemplate(template: string, values: Record<string, Ssml> = {}): Ssml {
  return template
    .split(/(\{[a-zA-Z]+\})/)
    .map((piece) => {
      const slot = /^\{([a-zA-Z]+)\}$/.exec(piece);
      if (!slot) return escapeText(piece);
      const value = values[slot[1]];
      if (value === undefined) throw new Error(`no value for {${slot[1]}} in "${template}"`);
      return value;
    })
    .join('') as Ssml;
}

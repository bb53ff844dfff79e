/**
 * The other English locales' model sources, derived from en-GB's (interactionModels/source/locales.yaml): the same
 * intents, samples and slot values, with the words people there say instead. One source, so a sample added for
 * en-GB reaches every locale, and a locale's words are written once, not copied into thousands of samples.
 */
import { z } from 'zod';
import { type ModelSource, type Person, person } from './expand';

export const localeWords = z.record(
  z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
  z.strictObject({
    words: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    /** People listeners there speak of that the source's persons do not name ("mummy", "papa"), after the source's. */
    persons: z.array(person).optional(),
  }),
);
export type LocaleWords = z.infer<typeof localeWords>[string];

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words only, the longest phrase first ("NHS one one one" before "one one one"). */
function wordPattern(words: Record<string, string[]>): RegExp | undefined {
  const keys = Object.keys(words).sort((a, b) => b.length - a.length);
  return keys.length ? new RegExp(`(?<![\\w'-])(?:${keys.map(regexEscape).join('|')})(?![\\w-])`, 'g') : undefined;
}

/**
 * A group that is a whole alternative of another is spliced into it: "(hospital|(the ER|the emergency room))" becomes
 * "(hospital|the ER|the emergency room)". Groups are zipped, not multiplied (tools/model/expand.ts), so a nested
 * group would say its first alternative only where the outer group chose it.
 */
function spliced(template: string): string {
  let before;
  let text = template;
  do {
    before = text;
    text = text.replace(/(?<=[(|])\(([^()]*)\)(?=[|)])/g, '$1');
  } while (text !== before);
  return text;
}

/**
 * A locale's model source: en-GB's with its words and any people of its own. Samples get every alternative as a group;
 * persons and slot values the first.
 */
export function localModelSource(source: ModelSource, { words, persons = [] }: LocaleWords): ModelSource {
  const pattern = wordPattern(words);
  /** Each of the source's words in `text` said as `say` has it; with no words of its own, the text as it is. */
  const localised = (text: string, say: (word: string) => string) => (pattern ? text.replace(pattern, say) : text);
  const inSample = (text: string) => spliced(localised(text, (word) => (words[word].length === 1 ? words[word][0] : `(${words[word].join('|')})`)));
  const first = (text: string) => localised(text, (word) => words[word][0]);
  const unique = (list: string[]) => [...new Set(list)];
  return {
    ...source,
    persons: [...source.persons.map((forms) => Object.fromEntries(Object.entries(forms).map(([form, said]) => [form, first(said)])) as Person), ...persons],
    keptApart: source.keptApart.map((pair) => ({ ...pair, samples: pair.samples.map(first) as [string, string] })),
    intents: Object.fromEntries(
      Object.entries(source.intents).map(([name, intent]) => [name, { ...intent, samples: unique(intent.samples.map(inSample)), aboutSomeoneElse: unique(intent.aboutSomeoneElse.map(inSample)) }]),
    ),
    types: Object.fromEntries(
      Object.entries(source.types).map(([name, values]) => [
        name,
        values.map((value) => {
          const local = first(value.value);
          return { ...value, value: local, synonyms: unique(value.synonyms.map(first)).filter((synonym) => synonym !== local) };
        }),
      ]),
    ),
  };
}

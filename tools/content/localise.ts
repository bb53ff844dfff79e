/**
 * The content as a locale hears it (content/locales.yaml): the page's own words, with only the spelling and the
 * wording that would not be true or natural there changed, everywhere text is said or shown. Build time only: the
 * speech compiler (tools/content/speech.ts) compiles each locale's text and keeps only what differs from en-GB's.
 */
import type { Entry, LexiconEntry, LocaleWording, SkillContent, UiStrings } from '../../lambda/content/types';
import { sentencesOf } from './sentences';

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a locale's words change in a text, and which of its words were used (one never used is a mistake in locales.yaml). */
export interface Localiser {
  (text: string): string;
  unused(): string[];
}

/** Whole words (or phrases) only; a lower-case word also matches capitalised at the start of a sentence. */
export function createLocaliser(wording: Pick<LocaleWording, 'spelling' | 'wording'>): Localiser {
  const changes = { ...wording.wording, ...wording.spelling };
  const used = new Set<string>();
  const pairs = Object.entries(changes).flatMap(([from, to]): [string, string, string][] =>
    from === capitalised(from) ? [[from, to, from]] : [[from, to, from], [capitalised(from), capitalised(to), from]],
  );
  // Longest first, so a phrase wins over a word inside it.
  pairs.sort((a, b) => b[0].length - a[0].length);
  const byWritten = new Map(pairs.map(([from, to, key]) => [from, { to, key }]));
  const pattern = pairs.length ? new RegExp(`(?<![\\w-])(?:${pairs.map(([from]) => regexEscape(from)).join('|')})(?![\\w-])`, 'g') : undefined;
  const localise = ((text: string) =>
    pattern
      ? text.replace(pattern, (match) => {
          const change = byWritten.get(match);
          if (!change) return match;
          used.add(change.key);
          return change.to;
        })
      : text) as Localiser;
  localise.unused = () => Object.keys(changes).filter((key) => !used.has(key));
  return localise;
}

/**
 * The lexicon for a locale: each word as the locale spells it, with the IPA for its accent. A word the locale says
 * differently ("GP" → "primary care doctor") is no longer said, so its entry goes.
 */
function localLexicon(lexicon: readonly LexiconEntry[], locale: LocaleWording): LexiconEntry[] {
  const spell = createLocaliser({ spelling: locale.spelling, wording: {} });
  return lexicon
    .filter((entry) => !Object.hasOwn(locale.wording, entry.written))
    .map((entry) => {
      const written = spell(entry.written);
      if (!entry.ipa) return { ...entry, written };
      return { written, ipa: locale.pronunciation === 'en-US' && entry.usIpa ? entry.usIpa : entry.ipa };
    });
}

function localEntry(entry: Entry, localise: (text: string) => string): Entry {
  const named = { ...entry, name: localise(entry.name) };
  if (named.kind === 'topic') {
    const parts = named.parts.map(localise);
    // A turn never runs across a part, and the skill knows each sentence's part: the sentences must stay as many.
    if (sentencesOf({ parts }).length !== sentencesOf(entry as { parts: string[] }).length) throw new Error(`content/locales.yaml: a change splits or joins a sentence of ${entry.id}`);
    return {
      ...named,
      parts,
      ...(named.offer ? { offer: { ...named.offer, question: localise(named.offer.question) } } : {}),
      ...(named.withItem ? { withItem: localise(named.withItem) } : {}),
    };
  }
  return {
    ...named,
    intro: localise(named.intro),
    noun: { one: localise(named.noun.one), many: localise(named.noun.many) },
    ...(named.after ? { after: { ...named.after, question: localise(named.after.question) } } : {}),
  };
}

/** The content as `locale` says it: entries, UI sentences (the welcome and the review note with the locale's note) and lexicon. */
export function localisedContent(content: SkillContent, locale: string): SkillContent {
  const wording = content.locales[locale];
  if (!wording) throw new Error(`content/locales.yaml: no locale ${locale}`);
  const localise = createLocaliser(wording);
  const ui = Object.fromEntries(Object.entries(content.ui).map(([key, text]) => [key, localise(text)])) as UiStrings;
  // Said once to a new listener: after the welcome, or, when they asked straight out and heard no welcome, with the
  // review date that their first answer carries (ui.reviewNote).
  if (wording.welcomeNote) {
    ui.welcome = `${ui.welcome} ${wording.welcomeNote}`;
    ui.reviewNote = `${ui.reviewNote} ${wording.welcomeNote}`;
  }
  const localised: SkillContent = {
    ...content,
    entries: Object.fromEntries(Object.entries(content.entries).map(([id, entry]) => [id, localEntry(entry, localise)])),
    ui,
    lexicon: localLexicon(content.lexicon, wording),
  };
  const unused = localise.unused();
  if (unused.length) throw new Error(`content/locales.yaml: ${locale}: ${unused.map((w) => `"${w}"`).join(', ')} is said nowhere`);
  return localised;
}

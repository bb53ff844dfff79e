/**
 * The speech compiler: content text → the speech book (lambda/speech/book.ts), at build time. The lexicon and
 * the escaping are applied here, once, by the same speech functions that would otherwise run per request, and
 * each fragment is measured, so a request adds up lengths instead of reading SSML.
 */
import { type LocaleContacts, type PhoneLine, type SkillContent, SOURCE_LOCALE, type UiKey } from '../../lambda/content/types';
import { type EntrySpeech, type LineSpeech, type LocaleBook, type LocaleSpeech, packBook, same, type SpeechBook, type Template } from '../../lambda/speech/book';
import { createPronouncer } from '../../lambda/speech/pronounce';
import { element, escapeText, joinSsml } from '../../lambda/speech/ssml';
import { measured, type Spoken } from '../../lambda/speech/spoken';
import { localisedContent } from './localise';
import { sentencesOf } from './sentences';

const SLOT = /^\{([a-zA-Z]+)\}$/;

/** A number said digit by digit, group by group ("116 123" → "one one six, one two three"). */
const digits = (number: string): Spoken => measured(joinSsml(...number.split(' ').map((group) => element('say-as', { 'interpret-as': 'digits' }, escapeText(group)))));

/**
 * A UI sentence split at its `{slots}`. Text that touches a slot must not start or end with a letter or digit,
 * or the words of the filled sentence would not be the words of its pieces added up.
 */
export function compileTemplate(key: string, template: string): Template {
  const pieces = template.split(/(\{[a-zA-Z]+\})/).filter((piece) => piece !== '');
  return pieces.map((piece, i) => {
    const slot = SLOT.exec(piece);
    if (slot) return slot[1];
    const touchesSlot = (j: number) => j >= 0 && j < pieces.length && SLOT.test(pieces[j]);
    if ((touchesSlot(i - 1) && /^[\p{L}\p{N}]/u.test(piece)) || (touchesSlot(i + 1) && /[\p{L}\p{N}]$/u.test(piece))) {
      throw new Error(`content/ui.yaml: ${key}: put a space or a mark between a {slot} and the word beside it`);
    }
    return measured(escapeText(piece));
  });
}

/** What one locale's content says: every entry and UI sentence, in full. */
function compileSaid(content: SkillContent): Pick<SpeechBook, 'entries' | 'ui'> {
  const say = createPronouncer(content.lexicon);
  const spoken = (text: string) => measured(say(text));
  const entries: Record<string, EntrySpeech> = {};
  for (const [id, entry] of Object.entries(content.entries)) {
    const speech: EntrySpeech = { name: spoken(entry.name), sentences: [] };
    if (entry.kind === 'topic') {
      speech.sentences = sentencesOf(entry).map((s) => spoken(s.text));
      if (entry.offer) speech.question = spoken(entry.offer.question);
      if (entry.withItem) speech.withItem = spoken(entry.withItem);
    } else {
      speech.intro = spoken(entry.intro);
      speech.one = spoken(entry.noun.one);
      speech.many = spoken(entry.noun.many);
      if (entry.after) speech.question = spoken(entry.after.question);
    }
    entries[id] = speech;
  }
  return { entries, ui: Object.fromEntries(Object.entries(content.ui).map(([key, template]) => [key, compileTemplate(key, template)])) as Record<UiKey, Template> };
}

/** A locale's numbers as said: names through the lexicon, numbers digit by digit unless said otherwise ("triple zero"). */
function compileContacts(contacts: LocaleContacts, content: SkillContent): LocaleSpeech {
  const say = createPronouncer(content.lexicon);
  const line = ({ name, number, hours }: PhoneLine): LineSpeech => ({ name: measured(say(name)), number: digits(number), hours: measured(escapeText(hours)) });
  const { emergency } = contacts;
  const speech: LocaleSpeech = {
    emergency: emergency.said ? measured(element('sub', { alias: emergency.said }, escapeText(emergency.number))) : digits(emergency.number),
    crisis: line(contacts.crisis),
  };
  if (contacts.urgent) speech.urgent = line(contacts.urgent);
  if (contacts.support) speech.support = line(contacts.support);
  return speech;
}

/** The whole book: en-GB in full, and for each locale what it says differently, with its numbers. */
export function compileSpeech(content: SkillContent): SpeechBook {
  const base = compileSaid(content);
  const local = (locale: string) => (locale === SOURCE_LOCALE ? content : localisedContent(content, locale));
  const saidIn = Object.fromEntries(Object.keys(content.locales).map((locale) => [locale, locale === SOURCE_LOCALE ? base : compileSaid(local(locale))]));
  const locales: Record<string, LocaleBook> = {};
  for (const locale of Object.keys(content.locales).sort()) {
    // Kept as what differs from en-GB, or from the locale it is like (content/locales.yaml), whichever it names.
    const { like } = content.locales[locale];
    const said = saidIn[locale];
    const before = like ? saidIn[like] : base;
    locales[locale] = {
      ...(like ? { like } : {}),
      entries: Object.fromEntries(Object.entries(said.entries).filter(([id, entry]) => !same(entry, before.entries[id]))),
      ui: Object.fromEntries(Object.entries(said.ui).filter(([key, template]) => !same(template, before.ui[key as UiKey]))),
      contacts: compileContacts(content.contacts[locale], local(locale)),
    };
  }
  return { ...base, locales };
}

/**
 * The generated module's text: the book packed, opened by the functions in lambda/speech/book.ts that vouch for it.
 * (Written as a JSON string for JSON.parse it would parse some 0.3 ms sooner, but its escaped quotes cost 400 bytes.)
 */
export function speechModule(book: SpeechBook): string {
  return `// Generated by \`npm run content\` (tools/content/speech.ts) from content/. Do not edit: edit the YAML and rebuild.\nimport type { PackedBook } from './book';\n\nexport const packedSpeech: PackedBook = ${JSON.stringify(packBook(book))};\n`;
}

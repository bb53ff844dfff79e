/**
 * The speech book: everything the content says, compiled to SSML at build time (`npm run content`, by
 * tools/content/speech.ts), with the lexicon applied and the text escaped. A request picks fragments from it and
 * joins them; only the listener's own words are escaped at run time.
 */
import type { UiKey } from '../content/types';
import type { Ssml } from './ssml';
import type { Spoken } from './spoken';

/** What an entry of the content says. */
export interface EntrySpeech {
  /** How menus and follow-ups name it. */
  name: Spoken;
  /** A topic's sentences, in order (tools/content/sentences.ts), each in the part `sentenceParts` says; none for a list. */
  sentences: Spoken[];
  /** The follow-up question: a topic's offer, or where a list leads after its last item. */
  question?: Spoken;
  /** A list's intro, and the nouns for one of its items and for several. */
  intro?: Spoken;
  one?: Spoken;
  many?: Spoken;
  /** An honest answer's first part as one clause, said before a named item's own answer. */
  withItem?: Spoken;
}

/** A UI sentence: compiled text, and the names of the `{slots}` filled in at run time. */
export type Template = readonly (Spoken | string)[];

/** A phone line as said: its name, its number digit by digit, when it answers. */
export interface LineSpeech {
  name: Spoken;
  number: Spoken;
  hours: Spoken;
}

export interface LocaleSpeech {
  /** The emergency number, digit by digit ("nine nine nine"), or as it is said there ("triple zero"). */
  emergency: Spoken;
  crisis: LineSpeech;
  /** Urgent medical help that is not an emergency, where the country has one line for it. */
  urgent?: LineSpeech;
  /** The charity's support line, where it runs one. */
  support?: LineSpeech;
}

/** What a locale says differently from the page's own en-GB (content/locales.yaml), and its numbers. */
export interface LocaleBook {
  /** Stored as changes to this locale's speech (en-CA's to en-US's), not en-GB's: it says most of the same. */
  like?: string;
  entries: Record<string, EntrySpeech>;
  ui: Partial<Record<UiKey, Template>>;
  contacts: LocaleSpeech;
}

export interface SpeechBook {
  /** Everything said, in en-GB: the page's own words. */
  entries: Record<string, EntrySpeech>;
  ui: Record<UiKey, Template>;
  /** Each locale served: only what differs. */
  locales: Record<string, LocaleBook>;
}

/** A fragment as stored in the generated module: `[ssml, words]`, or `[ssml, words, breakMs]` when it has breaks. */
type PackedSpoken = [string, number] | [string, number, number];
/** An entry as stored: name, sentences, then question, intro, one, many, withItem (null where absent, trailing ones left off). */
type PackedEntry = [PackedSpoken, PackedSpoken[], ...(PackedSpoken | null)[]];
type PackedTemplate = (PackedSpoken | string)[];
/** A locale's numbers as stored: emergency, crisis, then urgent and support (null where absent, trailing ones left off). */
type PackedContacts = [PackedSpoken, PackedSpoken[], ...(PackedSpoken[] | null)[]];
/** A locale's change to an entry: only the fields that differ, and of its sentences only those that do (by position). */
type PackedEntryChange = Partial<Record<'name' | (typeof OPTIONAL_FIELDS)[number], PackedSpoken>> & { sentences?: Record<number, PackedSpoken> };
interface PackedLocale {
  /** The locale whose speech this one's changes are made to (en-CA's to en-US's); without it, en-GB's. */
  like?: string;
  entries?: Record<string, PackedEntryChange>;
  ui?: Partial<Record<UiKey, PackedTemplate>>;
  contacts: PackedContacts;
}
/** The book as stored in lambda/speech/compiled.ts: positions instead of names, because the book is most of the bundle. */
export interface PackedBook {
  entries: Record<string, PackedEntry>;
  ui: Record<UiKey, PackedTemplate>;
  locales: Record<string, PackedLocale>;
}

const OPTIONAL_FIELDS = ['question', 'intro', 'one', 'many', 'withItem'] as const;

const packSpoken = ({ ssml, words, breakMs }: Spoken): PackedSpoken => (breakMs ? [ssml, words, breakMs] : [ssml, words]);
const unpackSpoken = ([ssml, words, breakMs = 0]: PackedSpoken): Spoken => ({ ssml: ssml as Ssml, words, breakMs });
const packLine = (line: LineSpeech): PackedSpoken[] => [line.name, line.number, line.hours].map(packSpoken);
const unpackLine = ([name, number, hours]: PackedSpoken[]): LineSpeech => ({ name: unpackSpoken(name), number: unpackSpoken(number), hours: unpackSpoken(hours) });

/** Each UI sentence's pieces mapped: text one way, slot names kept. */
function mapUi<A, B, U extends Partial<Record<UiKey, readonly A[]>>>(ui: U, piece: (a: A) => B): { [K in keyof U]: B[] } {
  const mapped: Partial<Record<UiKey, B[]>> = {};
  for (const key of Object.keys(ui) as UiKey[]) mapped[key] = (ui[key] as readonly A[]).map(piece);
  return mapped as { [K in keyof U]: B[] };
}
const packTemplate = (piece: Spoken | string) => (typeof piece === 'string' ? piece : packSpoken(piece));
const unpackTemplate = (piece: PackedSpoken | string) => (typeof piece === 'string' ? piece : unpackSpoken(piece));

const packEntry = (entry: EntrySpeech): PackedEntry => {
  const optional = OPTIONAL_FIELDS.map((field) => (entry[field] ? packSpoken(entry[field]) : null));
  while (optional.length && optional[optional.length - 1] === null) optional.pop();
  return [packSpoken(entry.name), entry.sentences.map(packSpoken), ...optional];
};
const packEntries = (entries: Record<string, EntrySpeech>) => Object.fromEntries(Object.entries(entries).map(([id, entry]) => [id, packEntry(entry)]));
/** Whether two pieces of the book say the same (the compiler keeps only what a locale says differently). */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a locale's entry changes of en-GB's (sentences are as many: the content compiler checks). */
function packChange(entry: EntrySpeech, base: EntrySpeech): PackedEntryChange {
  const change: PackedEntryChange = {};
  for (const field of ['name', ...OPTIONAL_FIELDS] as const) {
    const value = entry[field];
    if (value && !same(value, base[field])) change[field] = packSpoken(value);
  }
  entry.sentences.forEach((sentence, i) => {
    if (!same(sentence, base.sentences[i])) (change.sentences ??= {})[i] = packSpoken(sentence);
  });
  return change;
}

/** A locale's entry: en-GB's, with the locale's changes. */
function withChange(base: EntrySpeech, change: PackedEntryChange): EntrySpeech {
  const entry: EntrySpeech = { ...base, sentences: base.sentences.map((sentence, i) => (change.sentences?.[i] ? unpackSpoken(change.sentences[i]) : sentence)) };
  for (const field of ['name', ...OPTIONAL_FIELDS] as const) {
    const value = change[field];
    if (value) entry[field] = unpackSpoken(value);
  }
  return entry;
}

function packContacts({ emergency, crisis, urgent, support }: LocaleSpeech): PackedContacts {
  const optional = [urgent, support].map((line) => (line ? packLine(line) : null));
  while (optional.length && optional[optional.length - 1] === null) optional.pop();
  return [packSpoken(emergency), packLine(crisis), ...optional];
}

/** For the speech compiler: the book as the generated module stores it. */
export function packBook(book: SpeechBook): PackedBook {
  const locales: Record<string, PackedLocale> = {};
  for (const [locale, { like, entries, ui, contacts }] of Object.entries(book.locales)) {
    locales[locale] = { ...(like ? { like } : {}), contacts: packContacts(contacts) };
    const before = (id: string) => (like && book.locales[like].entries[id]) || book.entries[id];
    if (Object.keys(entries).length) locales[locale].entries = Object.fromEntries(Object.entries(entries).map(([id, entry]) => [id, packChange(entry, before(id))]));
    if (Object.keys(ui).length) locales[locale].ui = mapUi(ui, packTemplate);
  }
  return { entries: packEntries(book.entries), ui: mapUi(book.ui, packTemplate), locales };
}

/**
 * The one place compiled text becomes `Ssml` without passing through the escaping functions again: the speech
 * compiler made every fragment with them (escapeText, the lexicon's pronouncer, element), and
 * test/speech/speech-book.test.ts compiles the book afresh and checks that lambda/speech/compiled.ts holds exactly
 * that. A request's voice opens the book lazily (speech/voice.ts): each entry, sentence and line when first said.
 */
export const fromSpeechCompiler = {
  entry([name, sentences, ...optional]: PackedEntry): EntrySpeech {
    const entry: EntrySpeech = { name: unpackSpoken(name), sentences: sentences.map(unpackSpoken) };
    OPTIONAL_FIELDS.forEach((field, i) => {
      const value = optional[i];
      if (value) entry[field] = unpackSpoken(value);
    });
    return entry;
  },
  /** An entry as a locale says it: en-GB's, with the changes of the locale it is like (if any), then its own. */
  localEntry: (base: PackedEntry, ...changes: (PackedEntryChange | undefined)[]): EntrySpeech =>
    changes.reduce((entry: EntrySpeech, change) => (change ? withChange(entry, change) : entry), fromSpeechCompiler.entry(base)),
  template: (pieces: readonly (PackedSpoken | string)[]): Template => pieces.map(unpackTemplate),
  contacts([emergency, crisis, urgent, support]: PackedContacts): LocaleSpeech {
    const speech: LocaleSpeech = { emergency: unpackSpoken(emergency), crisis: unpackLine(crisis) };
    if (urgent) speech.urgent = unpackLine(urgent);
    if (support) speech.support = unpackLine(support);
    return speech;
  },
};

/** The whole book at once, as the compiler made it: for checks, not for requests. */
export function unpackBook(packed: PackedBook): SpeechBook {
  const changed = ({ like, entries = {} }: PackedLocale) =>
    Object.fromEntries(Object.entries(entries).map(([id, change]) => [id, fromSpeechCompiler.localEntry(packed.entries[id], like ? packed.locales[like].entries?.[id] : undefined, change)]));
  return {
    entries: Object.fromEntries(Object.entries(packed.entries).map(([id, entry]) => [id, fromSpeechCompiler.entry(entry)])),
    ui: mapUi(packed.ui, unpackTemplate),
    locales: Object.fromEntries(
      Object.entries(packed.locales).map(([locale, book]) => [
        locale,
        { ...(book.like ? { like: book.like } : {}), entries: changed(book), ui: mapUi(book.ui ?? {}, unpackTemplate), contacts: fromSpeechCompiler.contacts(book.contacts) },
      ]),
    ),
  };
}

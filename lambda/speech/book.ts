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
  /** The emergency number, digit by digit ("nine nine nine"). */
  emergency: Spoken;
  crisis: LineSpeech;
  support: LineSpeech;
}

export interface SpeechBook {
  entries: Record<string, EntrySpeech>;
  ui: Record<UiKey, Template>;
  contacts: Record<string, LocaleSpeech>;
}

/** A fragment as stored in the generated module: `[ssml, words]`, or `[ssml, words, breakMs]` when it has breaks. */
type PackedSpoken = [string, number] | [string, number, number];
/** An entry as stored: name, sentences, then question, intro, one, many (null where absent, trailing ones left off). */
type PackedEntry = [PackedSpoken, PackedSpoken[], ...(PackedSpoken | null)[]];
/** The book as stored in lambda/speech/compiled.ts: positions instead of names, because the book is most of the bundle. */
export interface PackedBook {
  entries: Record<string, PackedEntry>;
  ui: Record<UiKey, (PackedSpoken | string)[]>;
  contacts: Record<string, [PackedSpoken, PackedSpoken[], PackedSpoken[]]>;
}

const OPTIONAL_FIELDS = ['question', 'intro', 'one', 'many'] as const;

const packSpoken = ({ ssml, words, breakMs }: Spoken): PackedSpoken => (breakMs ? [ssml, words, breakMs] : [ssml, words]);
const unpackSpoken = ([ssml, words, breakMs = 0]: PackedSpoken): Spoken => ({ ssml: ssml as Ssml, words, breakMs });
const packLine = (line: LineSpeech): PackedSpoken[] => [line.name, line.number, line.hours].map(packSpoken);
const unpackLine = ([name, number, hours]: PackedSpoken[]): LineSpeech => ({ name: unpackSpoken(name), number: unpackSpoken(number), hours: unpackSpoken(hours) });

/** Each UI sentence's pieces mapped: text one way, slot names kept. */
function mapUi<A, B>(ui: Readonly<Record<UiKey, readonly A[]>>, piece: (a: A) => B): Record<UiKey, B[]> {
  const mapped = {} as Record<UiKey, B[]>;
  for (const key of Object.keys(ui) as UiKey[]) mapped[key] = ui[key].map(piece);
  return mapped;
}

/** For the speech compiler: the book as the generated module stores it. */
export function packBook(book: SpeechBook): PackedBook {
  const entries: Record<string, PackedEntry> = {};
  for (const [id, entry] of Object.entries(book.entries)) {
    const optional = OPTIONAL_FIELDS.map((field) => (entry[field] ? packSpoken(entry[field]) : null));
    while (optional.length && optional[optional.length - 1] === null) optional.pop();
    entries[id] = [packSpoken(entry.name), entry.sentences.map(packSpoken), ...optional];
  }
  return {
    entries,
    ui: mapUi(book.ui, (piece) => (typeof piece === 'string' ? piece : packSpoken(piece))),
    contacts: Object.fromEntries(Object.entries(book.contacts).map(([locale, c]) => [locale, [packSpoken(c.emergency), packLine(c.crisis), packLine(c.support)]])),
  };
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
  template: (pieces: readonly (PackedSpoken | string)[]): Template => pieces.map((piece) => (typeof piece === 'string' ? piece : unpackSpoken(piece))),
  locale: ([emergency, crisis, support]: PackedBook['contacts'][string]): LocaleSpeech => ({ emergency: unpackSpoken(emergency), crisis: unpackLine(crisis), support: unpackLine(support) }),
};

/** The whole book at once, as the compiler made it: for checks, not for requests. */
export function unpackBook(packed: PackedBook): SpeechBook {
  return {
    entries: Object.fromEntries(Object.entries(packed.entries).map(([id, entry]) => [id, fromSpeechCompiler.entry(entry)])),
    ui: mapUi(packed.ui, (piece) => (typeof piece === 'string' ? piece : unpackSpoken(piece))),
    contacts: Object.fromEntries(Object.entries(packed.contacts).map(([locale, contacts]) => [locale, fromSpeechCompiler.locale(contacts)])),
  };
}

/**
 * The skill's voice in one locale: UI sentences and content, as compiled into the speech book. Content is not
 * escaped or pronounced here: the book's fragments were made at build time, each locale's where it differs from
 * en-GB's; a request fills slots and joins. Only counts ("seven") are escaped here, once each.
 */
import { SOURCE_LOCALE, type UiKey } from '../content/types';
import { type EntrySpeech, fromSpeechCompiler, type LineSpeech, type LocaleSpeech, type PackedBook, type Template } from './book';
import { numberWord } from './phrases';
import { escapeText } from './ssml';
import { concatSpoken, measured, type Spoken } from './spoken';
import { kept } from '../util/kept';

/** The locale a request in no served locale is answered in (to say so): the page's own. */
export const DEFAULT_LOCALE = SOURCE_LOCALE;

export interface Voice {
  /** The locale it speaks for. */
  readonly locale: string;
  /** A UI sentence from content/ui.yaml with its `{slots}` filled. */
  ui(key: UiKey, values?: Readonly<Record<string, Spoken>>): Spoken;
  /** What a content entry says: its name, sentences, follow-up question, a list's intro and nouns. */
  entry(id: string): EntrySpeech;
  /** A count said as a word ("three"). */
  count(n: number): Spoken;
  /** The locale's emergency number, read digit by digit ("nine nine nine") or as it is said there ("triple zero"). */
  emergencyNumber(): Spoken;
  /** A line of the locale (the crisis line; the urgent and support lines where there are ones): its name, its number digit by digit, when it answers. */
  line(which: 'crisis'): LineSpeech;
  line(which: 'urgent' | 'support'): LineSpeech | undefined;
}

/** The locales the book has speech for. */
export const localesOf = (book: PackedBook): string[] => Object.keys(book.locales);

/**
 * Each part of the book is opened the first time it is said, then kept: a cold start opens only what it says. A
 * locale's own version of an entry or a sentence comes first; everything else is en-GB's.
 */
export function createVoice(book: PackedBook, locale: string = DEFAULT_LOCALE): Voice {
  if (!Object.hasOwn(book.locales, locale)) throw new Error(`no locale '${locale}' in the speech book`);
  const local = book.locales[locale];
  // A locale stored as changes to another's (en-CA to en-US) says what that one says where it says nothing of its own.
  const like = local.like ? book.locales[local.like] : undefined;
  const template = kept((key: UiKey): Template => fromSpeechCompiler.template(local.ui?.[key] ?? like?.ui?.[key] ?? book.ui[key]));
  const entry = kept((id: string): EntrySpeech => {
    if (!Object.hasOwn(book.entries, id)) throw new Error(`no entry '${id}' in the speech book`);
    return fromSpeechCompiler.localEntry(book.entries[id], like?.entries?.[id], local.entries?.[id]);
  });
  let contacts: LocaleSpeech | undefined;
  const numbers = () => (contacts ??= fromSpeechCompiler.contacts(local.contacts));
  return {
    locale,
    ui: (key, values = {}) =>
      concatSpoken(
        template(key).map((piece) => {
          if (typeof piece !== 'string') return piece;
          const value = values[piece];
          if (value === undefined) throw new Error(`no value for {${piece}} in ui.${key}`);
          return value;
        }),
      ),
    entry,
    count: kept((n: number): Spoken => measured(escapeText(numberWord(n)))),
    emergencyNumber: () => numbers().emergency,
    line: ((which: 'crisis' | 'urgent' | 'support') => numbers()[which]) as Voice['line'],
  };
}

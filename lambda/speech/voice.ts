/**
 * The skill's voice: UI sentences and content, as compiled into the speech book. Content is not escaped or
 * pronounced here: the book's fragments were made at build time; a request fills slots and joins. Only counts
 * ("seven") are escaped here, once each.
 */
import type { UiKey } from '../content/types';
import { type EntrySpeech, fromSpeechCompiler, type LineSpeech, type LocaleSpeech, type PackedBook, type Template } from './book';
import { numberWord } from './phrases';
import { escapeText } from './ssml';
import { concatSpoken, measured, type Spoken } from './spoken';
import { kept } from '../util/kept';

/** The locale whose content the skill speaks; others are refused before they reach the content. */
export const DEFAULT_LOCALE = 'en-GB';

export interface Voice {
  /** A UI sentence from content/ui.yaml with its `{slots}` filled. */
  ui(key: UiKey, values?: Readonly<Record<string, Spoken>>): Spoken;
  /** What a content entry says: its name, sentences, follow-up question, a list's intro and nouns. */
  entry(id: string): EntrySpeech;
  /** A count said as a word ("three"). */
  count(n: number): Spoken;
  /** The emergency number for a locale, read digit by digit ("nine nine nine"). */
  emergencyNumber(locale: string): Spoken;
  /** A line for a locale (the crisis line, the support line): its name, its number digit by digit, when it answers. */
  line(locale: string, which: 'crisis' | 'support'): LineSpeech;
}

/** Each part of the book is opened the first time it is said, then kept: a cold start opens only what it says. */
export function createVoice(book: PackedBook): Voice {
  const template = kept((key: UiKey): Template => fromSpeechCompiler.template(book.ui[key]));
  const entry = kept((id: string): EntrySpeech => {
    if (!Object.hasOwn(book.entries, id)) throw new Error(`no entry '${id}' in the speech book`);
    return fromSpeechCompiler.entry(book.entries[id]);
  });
  const speechFor = kept((locale: string): LocaleSpeech => fromSpeechCompiler.locale(book.contacts[Object.hasOwn(book.contacts, locale) ? locale : DEFAULT_LOCALE]));
  return {
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
    emergencyNumber: (locale) => speechFor(locale).emergency,
    line: (locale, which) => speechFor(locale)[which],
  };
}

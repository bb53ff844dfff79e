/**
 * Speech with its length: SSML and the words and silence it takes to say. Content is compiled to these at build
 * time (tools/content/speech.ts), so a request only joins them and adds up their lengths; nothing is escaped,
 * pronounced or measured again per request but what the listener said.
 */
import { escapeText, NOTHING, pause, type Ssml } from './ssml';

export interface Spoken {
  readonly ssml: Ssml;
  /** Words said, a digit of a number said as digits counting as one, a <sub> counting as its alias. */
  readonly words: number;
  /** Milliseconds of <break>s. */
  readonly breakMs: number;
}

/** Alexa's normal speaking speed, in words a minute: a conservative estimate (her voice is nearer 150 to 160). */
export const WORDS_PER_MINUTE = 150;

export const SILENT: Spoken = { ssml: NOTHING, words: 0, breakMs: 0 };

/**
 * Measures SSML the speech functions made: its words and its breaks. A number said as digits is a word a digit;
 * a <sub> is said as its alias ("PET-CT" as "pet C T"); "&" is said "and". Run at build time, and on what a listener said.
 */
export function measured(ssml: Ssml): Spoken {
  const breakMs = [...ssml.matchAll(/<break time="(\d+)ms"\/>/g)].reduce((ms, m) => ms + Number(m[1]), 0);
  const digits = [...ssml.matchAll(/<say-as interpret-as="digits">([^<]*)<\/say-as>/g)].reduce((n, m) => n + m[1].replace(/\D/g, '').length, 0);
  const text = ssml
    .replace(/<say-as interpret-as="digits">[^<]*<\/say-as>/g, ' ')
    .replace(/<sub alias="([^"]*)">[^<]*<\/sub>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    // Escaped characters are not words of their own, but "&" is said "and".
    .replace(/&amp;/g, ' and ')
    .replace(/&(?:lt|gt|quot|apos);/g, '');
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length + digits;
  return { ssml, words, breakMs };
}

/** Text from the listener (a slot value heard), escaped now: the content was escaped when it compiled. */
export const fromListener = (text: string): Spoken => measured(escapeText(text));

/** Joins with a space, skipping what says nothing. */
export function joinSpoken(...parts: (Spoken | undefined)[]): Spoken {
  const said = parts.filter((part): part is Spoken => Boolean(part?.ssml));
  return { ssml: said.map((part) => part.ssml).join(' ') as Ssml, ...lengthOf(...said) };
}

/** Joins with nothing between: the pieces of a compiled UI sentence and its slot values. */
export function concatSpoken(parts: readonly Spoken[]): Spoken {
  return { ssml: parts.map((part) => part.ssml).join('') as Ssml, ...lengthOf(...parts) };
}

/** A short silence: between an answer and its question, between list items. */
export const silence = (milliseconds: number): Spoken => ({ ssml: pause(milliseconds), words: 0, breakMs: Math.round(milliseconds) });

/** How long parts would be together, joined, without joining them. */
export function lengthOf(...parts: (Length | undefined)[]): Length {
  let words = 0;
  let breakMs = 0;
  for (const part of parts) {
    if (!part) continue;
    words += part.words;
    breakMs += part.breakMs;
  }
  return { words, breakMs };
}

export type Length = Pick<Spoken, 'words' | 'breakMs'>;

/** Seconds to say it at a prosody rate (100 is normal). */
export const secondsOf = (spoken: Length, rate: number): number => (spoken.words * 60) / (WORDS_PER_MINUTE * (rate / 100)) + spoken.breakMs / 1000;

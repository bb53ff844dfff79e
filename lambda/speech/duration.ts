/**
 * How long speech takes to say, estimated: a turn must stay under about 40 seconds at the listener's pace, so that
 * a tired listener is not held for minutes and a long answer is split into parts they can take one at a time.
 */
import type { Ssml } from './ssml';

/** Alexa's normal speaking speed, in words a minute: a conservative estimate (her voice is nearer 150 to 160). */
export const WORDS_PER_MINUTE = 150;
/** The most a turn should say, at any pace: Alexa's own guidance keeps responses short, and 40 s is our ceiling. */
export const MAX_TURN_SECONDS = 40;
/** A breath between an answer and its question. */
export const BEFORE_QUESTION_MS = 300;

/**
 * Seconds to say `ssml` at a prosody rate (100 is normal): its words at the rate, and its breaks. A number said as
 * digits is a word a digit. Prosody inside the SSML is not read: the rate given is the rate of the whole turn.
 */
export function secondsToSay(ssml: Ssml | string, rate: number): number {
  const breaks = [...ssml.matchAll(/<break time="(\d+)ms"\/>/g)].reduce((ms, m) => ms + Number(m[1]), 0);
  const digits = [...ssml.matchAll(/<say-as interpret-as="digits">([^<]*)<\/say-as>/g)].reduce((n, m) => n + m[1].replace(/\D/g, '').length, 0);
  // A <sub> is said as its alias ("PET-CT" as "pet C T").
  const text = ssml
    .replace(/<say-as interpret-as="digits">[^<]*<\/say-as>/g, ' ')
    .replace(/<sub alias="([^"]*)">[^<]*<\/sub>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ');
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length + digits;
  return (words * 60) / (WORDS_PER_MINUTE * (rate / 100)) + breaks / 1000;
}

/**
 * How long speech takes to say, estimated: a turn must stay under about 40 seconds at the listener's pace, so that
 * a tired listener is not held for minutes and a long answer is split into parts they can take one at a time.
 */
import { measured, secondsOf, WORDS_PER_MINUTE } from './spoken';
import type { Ssml } from './ssml';

export { WORDS_PER_MINUTE };
/** The most a turn should say, at any pace: Alexa's own guidance keeps responses short, and 40 s is our ceiling. */
export const MAX_TURN_SECONDS = 40;
/** A breath between an answer and its question. */
export const BEFORE_QUESTION_MS = 300;

/**
 * Seconds to say `ssml` at a prosody rate (100 is normal): its words at the rate, and its breaks. Prosody inside the
 * SSML is not read: the rate given is the rate of the whole turn. At run time the skill adds up compiled lengths
 * (speech/spoken.ts) instead of measuring SSML again.
 */
export function secondsToSay(ssml: Ssml | string, rate: number): number {
  return secondsOf(measured(ssml as Ssml), rate);
}

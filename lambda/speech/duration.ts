/**
 * How long speech takes to say, estimated: a turn must stay under about 40 seconds at the listener's pace, so that
 * a tired listener is not held for minutes and a long answer is split into parts they can take one at a time.
 * Lengths come from speech/spoken.ts: compiled with the speech, added up per request.
 */

/** The most a turn should say, at any pace: Alexa's own guidance keeps responses short, and 40 s is our ceiling. */
export const MAX_TURN_SECONDS = 40;
/** A breath between an answer and its question. */
export const BEFORE_QUESTION_MS = 300;

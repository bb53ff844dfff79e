/**
 * What a session carries from turn to turn, kept in Alexa session attributes. Attributes come back in
 * each request, so they are read defensively: anything missing, mistyped or pointing at content that no
 * longer exists is dropped, field by field, and the conversation carries on from a sensible default.
 * Nothing about the listener's health is kept: only positions in the content, a miss count and the pace.
 */
import type { AnswerContent } from '../content/types';
import { NORMAL_PACE, paceOf } from '../speech/pace';
import { isRecord } from '../util/is-record';
import { type EntryPlace, isValidEntryPlace, type Place } from './place';
import { readScreen } from './screens';

export interface ConversationState {
  /** What "repeat" replays: the last real answer or screen, never a "sorry". */
  said?: Place;
  /** The last content answer: what Help, "next" and "go back" work from. */
  at?: EntryPlace;
  /** What "yes" plays: the follow-up the last answer offered. */
  offer?: Place;
  /** Earlier answers, oldest first, for "go back". */
  back: EntryPlace[];
  /** The medical-advice disclaimer has been said this session. */
  disclaimed: boolean;
  /** A new listener has been told this session when the information was last reviewed (by the welcome or a note). */
  reviewNoted: boolean;
  /** Where "next" goes from the last content answer as it was said (its end depends on the pace it was said at). */
  next?: EntryPlace;
  /** Misunderstandings in a row, so the skill changes tack instead of repeating itself. */
  misses: number;
  /** The speaking pace, a step of speech/pace.ts, for every answer and reprompt. */
  pace: number;
  /** Where the pace came from, so that a pace worked out from a guess is never saved over the stored one. */
  paceFrom: PaceFrom;
  /** The pace the preference store holds for this listener, as far as this session knows (read, or last saved). */
  storedPace?: number;
  /** The listener has used the skill before (from the preference store): a shorter welcome. */
  returning: boolean;
  /** Reading the preference store this session: once at the start, and once more if that read failed. */
  preferences: PreferencesRead;
}

/** Not read yet; the first read failed (try again); read; the second read failed too (the session goes on without). */
export const PREFERENCES_READ = ['unread', 'failed-once', 'read', 'unavailable'] as const;
export type PreferencesRead = (typeof PREFERENCES_READ)[number];

/**
 * 'default': the stored pace is not known (yet), so the session is at the default;
 * 'stepped': the listener moved it by steps ("slower", "faster") from that default;
 * 'known': the stored pace, or one the listener chose knowing where they were ("normal speed", or steps from a known pace).
 */
export const PACE_FROM = ['default', 'stepped', 'known'] as const;
export type PaceFrom = (typeof PACE_FROM)[number];

const oneOf = <T extends string>(values: readonly T[], raw: unknown): raw is T => values.includes(raw as T);

/** "Go back" reaches this many answers back; enough for a conversation, small in the attributes. */
export const MAX_BACK = 10;

export const initialState = (): ConversationState => ({ back: [], disclaimed: false, reviewNoted: false, misses: 0, pace: NORMAL_PACE, paceFrom: 'default', returning: false, preferences: 'unread' });


/** A content answer's place, or undefined if it does not point at real content. */
function readEntryPlace(content: AnswerContent, raw: unknown): EntryPlace | undefined {
  if (!isRecord(raw) || raw.screen !== undefined || typeof raw.id !== 'string' || typeof raw.step !== 'number') return undefined;
  const place: EntryPlace = { id: raw.id, step: raw.step };
  if (raw.disclaim === true) place.disclaim = true;
  if (raw.reviewNote === true) place.reviewNote = true;
  if (typeof raw.lead === 'string' && Object.hasOwn(content.entries, raw.lead) && content.entries[raw.lead].kind === 'topic') place.lead = raw.lead;
  return isValidEntryPlace(content, place) ? place : undefined;
}

/** Any place: a screen (its row in conversation/screens.ts reads its variant) or a content answer. */
const readPlace = (content: AnswerContent, raw: unknown): Place | undefined => (isRecord(raw) && raw.screen !== undefined ? readScreen(raw, content) : readEntryPlace(content, raw));

export function readState(content: AnswerContent, attributes: unknown): ConversationState {
  const state = initialState();
  const raw = isRecord(attributes) ? attributes.conversation : undefined;
  if (!isRecord(raw)) return state;
  const said = readPlace(content, raw.said);
  const at = readEntryPlace(content, raw.at);
  const offer = readPlace(content, raw.offer);
  if (said) state.said = said;
  if (at) state.at = at;
  if (offer) state.offer = offer;
  const next = readEntryPlace(content, raw.next);
  if (next) state.next = next;
  if (Array.isArray(raw.back)) {
    state.back = raw.back.map((p) => readEntryPlace(content, p)).filter((p): p is EntryPlace => p !== undefined).slice(-MAX_BACK);
  }
  state.disclaimed = raw.disclaimed === true;
  state.reviewNoted = raw.reviewNoted === true;
  if (typeof raw.misses === 'number' && Number.isInteger(raw.misses) && raw.misses >= 0) state.misses = Math.min(raw.misses, 10);
  state.pace = paceOf(raw.pace) ?? state.pace;
  if (oneOf(PACE_FROM, raw.paceFrom)) state.paceFrom = raw.paceFrom;
  const storedPace = paceOf(raw.storedPace);
  if (storedPace !== undefined) state.storedPace = storedPace;
  state.returning = raw.returning === true;
  if (oneOf(PREFERENCES_READ, raw.preferences)) state.preferences = raw.preferences;
  return state;
}

/** The attributes to send back to Alexa. */
export function writeState(state: ConversationState): Record<string, unknown> {
  return { conversation: state };
}

/**
 * What a read of the preference store means for the session, and what, if anything, to save. The rule:
 * only a pace the skill knows is ever saved. The stored pace is known once read; "normal speed" is known
 * whatever came before; a step ("slower", "faster") from a known pace is known. A step from the default,
 * taken while the stored pace could not be read, is heard for the session but not saved: it was worked out
 * from a guess, and saving it would overwrite a pace the listener chose on an earlier visit.
 */
import { NORMAL_PACE, paceOf } from '../speech/pace';
import { isRecord } from '../util/is-record';
import type { ConversationState } from './state';

/** What is stored for a listener: nothing else, never anything about their health. */
export interface StoredPreferences {
  pace?: number;
  welcomed?: boolean;
}

/** Only what we expect, whatever the store holds. */
export function readPreferences(raw: unknown): StoredPreferences {
  if (!isRecord(raw)) return {};
  const preferences: StoredPreferences = {};
  const pace = paceOf(raw.pace);
  if (pace !== undefined) preferences.pace = pace;
  if (raw.welcomed === true) preferences.welcomed = true;
  return preferences;
}

/**
 * The session takes in what the store holds, at the start of the session or later if the first read
 * failed. A pace the listener has chosen meanwhile is kept (it is what they hear now; a jump would be a
 * surprise), and so is the pace of a late read's own request when that request changes it: "faster" means
 * faster than what they heard. Steps from the default become known if the default was the stored pace after all.
 */
export function takeStored(state: ConversationState, stored: StoredPreferences, { paceBeingChanged = false } = {}): void {
  const storedPace = stored.pace ?? NORMAL_PACE;
  if (state.paceFrom === 'default' && !paceBeingChanged) {
    state.pace = storedPace;
    state.paceFrom = 'known';
  } else if (storedPace === NORMAL_PACE) {
    state.paceFrom = 'known';
  }
  // Someone never welcomed has nothing stored worth keeping: their first visit is saved, pace and all.
  if (stored.welcomed) state.storedPace = storedPace;
  else delete state.storedPace;
  state.returning = stored.welcomed === true;
}

/** The preferences to save now, or undefined: the pace is not known, or the store already holds it. */
export function preferencesToSave(state: ConversationState): Required<StoredPreferences> | undefined {
  if (state.paceFrom !== 'known' || state.pace === state.storedPace) return undefined;
  return { pace: state.pace, welcomed: true };
}

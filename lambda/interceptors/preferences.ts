/**
 * The listener's remembered preferences: the pace, and that they have been welcomed before. Nothing
 * else is stored, never what was asked. They are read once at the start of a session (and once more on
 * the next request if that read failed) and written when they change. The store is never allowed to cost an answer: a read or write that fails or takes longer
 * than the time allowed is logged (without user ids) and the skill carries on at the default pace.
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from 'ask-sdk-core';
import { turnFor } from '../conversation/turn-for';
import { log } from '../logging/log';
import type { PreferencesStore } from '../persistence/store';
import { isPace } from '../speech/pace';
import { isRecord } from '../util/is-record';

/** What is stored for a listener. */
export interface StoredPreferences {
  pace?: number;
  welcomed?: boolean;
}

/**
 * The store's time in one request, the read at its start and the save at its end together: long enough for
 * DynamoDB in the same region, short enough that a slow store is never heard.
 */
export const DEFAULT_STORE_TIMEOUT_MS = 500;
/**
 * A save is still given this long when the read has used (nearly) all the budget: a pace the listener has
 * just chosen is worth a short wait, and a request never takes more than the budget and this together.
 */
export const MIN_SAVE_MS = 100;
/** When this request's time for the store runs out (ms since the epoch), a request attribute. */
const STORE_DEADLINE = 'storeDeadline';
const LOADED = 'preferencesAsLoaded';
const PACE_AT_START = 'paceAtStart';

/** The time a call to the store was given ran out. */
class StoreTimeout extends Error {
  override name = 'StoreTimeout';
}

/**
 * Out of time, by our limit or the client's own: the store may yet act on the call (a save may be
 * applied), so it is not reported as a failure.
 */
const timedOut = (e: unknown) => e instanceof StoreTimeout || (e instanceof Error && e.name === 'TimeoutError');

function logStoreError(operation: 'read' | 'save', e: unknown): void {
  const outcome = `${operation}-${timedOut(e) ? 'timed-out' : 'failed'}`;
  log('error', { event: 'store-error', outcome, message: e instanceof Error ? e.message : String(e) });
}

/**
 * A call to the store, given `ms` to answer. When the time is up the answer goes ahead without it, and the
 * call is cancelled: a hung store would otherwise collect every abandoned call (and its memory).
 */
async function withinTime<T>(ms: number, what: string, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new StoreTimeout(`${what} took longer than ${ms} ms`);
      reject(error);
      controller.abort(error);
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Only what we expect, whatever the store holds. */
export function readPreferences(raw: unknown): StoredPreferences {
  if (!isRecord(raw)) return {};
  const preferences: StoredPreferences = {};
  if (isPace(raw.pace)) preferences.pace = raw.pace;
  if (raw.welcomed === true) preferences.welcomed = true;
  return preferences;
}

const applies = (input: HandlerInput) => Boolean(input.requestEnvelope.session) && getRequestType(input.requestEnvelope) !== 'SessionEndedRequest';

export function preferenceInterceptors(adapter: PreferencesStore, timeoutMs = DEFAULT_STORE_TIMEOUT_MS): { load: RequestInterceptor; save: ResponseInterceptor } {
  const load: RequestInterceptor = {
    async process(input) {
      if (!applies(input)) return;
      const state = turnFor(input).state;
      const attributes = input.attributesManager.getRequestAttributes();
      attributes[STORE_DEADLINE] = Date.now() + timeoutMs;
      if (state.preferences === 'unread' || state.preferences === 'failed-once') {
        try {
          const stored = readPreferences(await withinTime(timeoutMs, 'reading preferences', (abortSignal) => adapter.getAttributes(input.requestEnvelope, { abortSignal })));
          state.preferences = 'read';
          if (stored.pace !== undefined) state.pace = stored.pace;
          state.returning = stored.welcomed === true;
          attributes[LOADED] = stored;
        } catch (e) {
          // Nothing is known, so nothing is assumed: no "first visit" save that would overwrite a stored pace.
          // A store that failed once may be back by the listener's next request; after two failures, it is left be.
          state.preferences = state.preferences === 'unread' ? 'failed-once' : 'unavailable';
          logStoreError('read', e);
        }
      }
      attributes[PACE_AT_START] = state.pace;
    },
  };

  const save: ResponseInterceptor = {
    async process(input) {
      if (!applies(input)) return;
      const state = turnFor(input).state;
      const attributes = input.attributesManager.getRequestAttributes();
      const loaded = attributes[LOADED] as StoredPreferences | undefined;
      // Write on a first visit (to remember the welcome) and whenever the pace changes.
      const firstVisit = loaded !== undefined && !loaded.welcomed;
      const paceChanged = attributes[PACE_AT_START] !== undefined && attributes[PACE_AT_START] !== state.pace;
      if (!firstVisit && !paceChanged) return;
      const now: StoredPreferences = { pace: state.pace, welcomed: true };
      try {
        const deadline = attributes[STORE_DEADLINE];
        const timeLeft = Math.max(typeof deadline === 'number' ? deadline - Date.now() : timeoutMs, MIN_SAVE_MS);
        await withinTime(timeLeft, 'saving preferences', (abortSignal) => adapter.saveAttributes(input.requestEnvelope, { ...now }, { abortSignal }));
      } catch (e) {
        logStoreError('save', e);
      }
    },
  };

  return { load, save };
}

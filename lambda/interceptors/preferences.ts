/**
 * The listener's remembered preferences: the pace, and that they have been welcomed before. Nothing
 * else is stored, never what was asked. They are read at the start of a session (and once more on the
 * next request if that read failed), and written when the pace is known and differs from what is stored
 * (conversation/remembered-pace.ts). The store is never allowed to cost an answer: each request gives it
 * one time budget, and a read or save that fails or runs out of time is cancelled, logged (without user
 * ids) and the skill carries on at the default pace.
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from '../request/ask-sdk';
import { readPreferences } from '../conversation/remembered-pace';
import { turnFor } from '../conversation/turn-for';
import { log } from '../logging/log';
import type { PreferencesStore } from '../persistence/store';
import { timedOut, withinTime } from '../persistence/time-limit';
import { requestAttributes } from '../request/attributes';
import { isPaceRequest } from '../request/facts';

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

function logStoreError(operation: 'read' | 'save', e: unknown): void {
  const outcome = `${operation}-${timedOut(e) ? 'timed-out' : 'failed'}`;
  log('error', { event: 'store-error', outcome, message: e instanceof Error ? e.message : String(e) });
}

const applies = (input: HandlerInput) => Boolean(input.requestEnvelope.session) && getRequestType(input.requestEnvelope) !== 'SessionEndedRequest';

export function preferenceInterceptors(adapter: PreferencesStore, timeoutMs = DEFAULT_STORE_TIMEOUT_MS): { load: RequestInterceptor; save: ResponseInterceptor } {
  const load: RequestInterceptor = {
    async process(input) {
      if (!applies(input)) return;
      const turn = turnFor(input);
      requestAttributes(input).storeDeadline = Date.now() + timeoutMs;
      const read = turn.preferencesRead;
      if (read === 'unread' || read === 'failed-once') {
        try {
          const stored = readPreferences(await withinTime(timeoutMs, 'reading preferences', (abortSignal) => adapter.getAttributes(input.requestEnvelope, { abortSignal })));
          // The listener has heard the default pace when a late read comes in: a change now is from that.
          turn.preferencesLoaded(stored, { paceBeingChanged: read === 'failed-once' && isPaceRequest(input) });
        } catch (e) {
          // Nothing is known, so nothing is assumed: the pace stays a guess, never saved over the stored one.
          // A store that failed once may be back by the listener's next request; after two failures, it is left be.
          turn.preferencesFailed();
          logStoreError('read', e);
        }
      }
    },
  };

  const save: ResponseInterceptor = {
    async process(input) {
      if (!applies(input)) return;
      // Each change is written once: a save that failed or timed out is logged, not tried again every turn.
      const preferences = turnFor(input).preferencesToSave();
      if (!preferences) return;
      try {
        const deadline = requestAttributes(input).storeDeadline;
        const timeLeft = Math.max(deadline === undefined ? timeoutMs : deadline - Date.now(), MIN_SAVE_MS);
        await withinTime(timeLeft, 'saving preferences', (abortSignal) => adapter.saveAttributes(input.requestEnvelope, { ...preferences }, { abortSignal }));
      } catch (e) {
        logStoreError('save', e);
      }
    },
  };

  return { load, save };
}

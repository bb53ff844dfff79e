/**
 * What the skill may know about a request without digging in the envelope, through the SDK's helpers: the
 * ground floor that handlers, interceptors and the error handler all stand on.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getIntentName, getRequestType } from './ask-sdk';
import type { Slot, slu } from 'ask-sdk-model';

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  const name = intentNameOf(input);
  return name !== undefined && names.includes(name);
}

/** The requests that change the pace: the pace handler answers them, and the preferences store must know them. */
export const PACE_INTENT_NAMES = ['SpeakSlowerIntent', 'SpeakFasterIntent', 'NormalSpeedIntent'] as const;
export type PaceIntentName = (typeof PACE_INTENT_NAMES)[number];

/** "Slower", "faster" or "normal speed". */
export const isPaceRequest = (input: HandlerInput): boolean => isIntent(input, ...PACE_INTENT_NAMES);

/**
 * Every handler's canHandle asks for the intent name while the skill looks for the one to answer (skill.ts), so the
 * last request's is kept: for the same request and the same intent object (an interceptor that replaces the intent,
 * interceptors/built-in-words.ts, is seen at once), it is not read again.
 */
let lastRead: { input: HandlerInput; intent: unknown; name: string | undefined } | undefined;

/** The intent name, or undefined for other request types and for an intent request that names none. */
export function intentNameOf(input: HandlerInput): string | undefined {
  const intent = (input.requestEnvelope.request as { intent?: unknown }).intent;
  if (lastRead && lastRead.input === input && lastRead.intent === intent) return lastRead.name;
  const name = typeof intent === 'object' && intent !== null && typeof (intent as { name?: unknown }).name === 'string' && getRequestType(input.requestEnvelope) === 'IntentRequest' ? getIntentName(input.requestEnvelope) : undefined;
  lastRead = { input, intent, name };
  return name;
}

/** The id entity resolution matched, from any authority (the custom slot type comes first). */
export function resolvedId(slot: Slot | null | undefined): string | undefined {
  const authorities = slot?.resolutions?.resolutionsPerAuthority;
  // Typed as always there, but a request is only JSON: an authority may be null.
  for (const authority of (Array.isArray(authorities) ? authorities : []) as (slu.entityresolution.Resolution | null | undefined)[]) {
    if (authority?.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string') return id;
    }
  }
  return undefined;
}

/**
 * The type of the error a request reports (a SessionEndedRequest's, or a device's: System.ExceptionEncountered, an APL
 * RuntimeError), if it is a short word as Alexa's are ("INVALID_RESPONSE"); never its message. Anything else is
 * 'unknown': a client of the web service could put anything there, and it is logged.
 */
export function reportedErrorType(request: Record<string, unknown>): string {
  const error = (request.error ?? (Array.isArray(request.errors) ? request.errors[0] : undefined)) as { type?: unknown } | undefined;
  return typeof error?.type === 'string' && /^[A-Za-z_.]{1,60}$/.test(error.type) ? error.type : 'unknown';
}
